package io.hashfleet.money.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of the chain at one difficulty: from the block at {@code height}, mined at
 * {@code start}, until the next epoch begins.
 *
 * <p>On mainnet an epoch is 2,016 blocks, but rows from a CSV may start anywhere a difficulty is
 * known; the engine only needs "difficulty D in force from time t". {@code bits} is the header's
 * compact target, 0 when the source gave only the difficulty.
 *
 * @param difficulty a double on purpose: difficulty is a physical rate (15 significant digits is far
 *     finer than any measurement it is divided into), never an amount of money
 */
public record DifficultyEpoch(int height, Instant start, long bits, double difficulty, String source) {
  /** The difficulty-1 target, 0xffff·2^208 (Bitcoin Core's powLimit truncated to compact form). */
  private static final BigInteger DIFF1_TARGET = BigInteger.valueOf(0xffff).shiftLeft(208);

  public DifficultyEpoch {
    if (height < 0) throw new IllegalArgumentException("block height cannot be negative: " + height);
    Objects.requireNonNull(start, "start");
    if (!(difficulty >= 1) || Double.isInfinite(difficulty)) {
      throw new IllegalArgumentException("difficulty must be a number >= 1 at height " + height + ", got " + difficulty);
    }
    Objects.requireNonNull(source, "source");
  }

  /** Difficulty from a header's compact target: 0xffff·2^208 divided by the target. */
  public static double difficultyOfBits(BigInteger target) {
    if (target.signum() <= 0) throw new IllegalArgumentException("target must be positive");
    return new java.math.BigDecimal(DIFF1_TARGET).divide(new java.math.BigDecimal(target), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  public DifficultyEpoch withSource(String newSource) {
    return new DifficultyEpoch(height, start, bits, difficulty, newSource);
  }
}
