package io.hashfleet.money.production;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What transaction fees a block is assumed to carry on top of its subsidy. Every output that uses
 * one prints {@link #describe()}, because the same hashrate earns a few percent more or less
 * depending on it.
 */
public sealed interface FeeAssumption {
  /** Fees per block at {@code t}, for a block whose subsidy is {@code subsidy}. */
  Btc feesPerBlock(Instant t, Btc subsidy);

  String describe();

  /** PPS: the pool pays the expected subsidy only. */
  record None() implements FeeAssumption {
    @Override
    public Btc feesPerBlock(Instant t, Btc subsidy) {
      return Btc.ZERO;
    }

    @Override
    public String describe() {
      return "no fees (PPS: subsidy only)";
    }
  }

  /** A fixed amount of fees in every block, such as 0.05 BTC. */
  record PerBlock(Btc fees) implements FeeAssumption {
    public PerBlock {
      if (fees.isNegative()) throw new IllegalArgumentException("fees per block cannot be negative: " + fees);
    }

    @Override
    public Btc feesPerBlock(Instant t, Btc subsidy) {
      return fees;
    }

    @Override
    public String describe() {
      return "fees " + fees.toBtc().stripTrailingZeros().toPlainString() + " BTC per block (configured)";
    }
  }

  /** Fees as a share of the whole block reward (0.03 means fees are 3% of subsidy plus fees). */
  record ShareOfReward(BigDecimal share) implements FeeAssumption {
    public ShareOfReward {
      if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("fee share must be at least 0 and below 1, got " + share.toPlainString());
      }
    }

    @Override
    public Btc feesPerBlock(Instant t, Btc subsidy) {
      // reward = subsidy / (1 - share), so fees = subsidy * share / (1 - share)
      BigDecimal fees = subsidy.toBtc().multiply(share).divide(BigDecimal.ONE.subtract(share), MathContext.DECIMAL64);
      return Btc.roundedFrom(fees);
    }

    @Override
    public String describe() {
      return "fees " + share.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the block reward (configured)";
    }
  }

  /**
   * Average fees per block by UTC day, as a node's getblockstats reported them; days without data
   * use {@code fallback}.
   */
  record Observed(NavigableMap<LocalDate, Btc> perBlockByDay, FeeAssumption fallback) implements FeeAssumption {
    public Observed {
      perBlockByDay = new TreeMap<>(perBlockByDay);
      Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Btc feesPerBlock(Instant t, Btc subsidy) {
      Btc day = perBlockByDay.get(LocalDate.ofInstant(t, ZoneOffset.UTC));
      return day != null ? day : fallback.feesPerBlock(t, subsidy);
    }

    @Override
    public String describe() {
      if (perBlockByDay.isEmpty()) return fallback.describe() + " (no observed fees in store)";
      Map.Entry<LocalDate, Btc> first = perBlockByDay.firstEntry();
      return "observed fees per block by day from the node's getblockstats (" + first.getKey() + " to " + perBlockByDay.lastKey()
          + "), else " + fallback.describe();
    }
  }
}
