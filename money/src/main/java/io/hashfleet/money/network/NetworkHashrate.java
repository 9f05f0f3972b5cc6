package io.hashfleet.money.network;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.DifficultyEpoch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The network's hashrate, estimated two ways.
 *
 * <p>From difficulty: the rate that finds one block per 600 s, D·2^32/600. It is what the network
 * is calibrated to, so it lags a growing network by up to one epoch. From block intervals: the rate
 * that actually found an epoch's 2,016 blocks in the time they took, D·2^32·2016/Δt, which is
 * known only once the epoch has ended. Where they differ, blocks came faster or slower than ten
 * minutes.
 */
public final class NetworkHashrate {
  private static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;

  private NetworkHashrate() {}

  public static Hashrate fromDifficulty(double difficulty) {
    return Hashrate.ofMhs(difficulty * HASHES_PER_DIFFICULTY / 600 / 1e6);
  }

  /** One epoch's estimate from the time its blocks took; empty when the epoch has not ended in the data. */
  public static java.util.Optional<Hashrate> fromBlockIntervals(ChainHistory chain, DifficultyEpoch epoch) {
    List<DifficultyEpoch> all = chain.epochs();
    int i = all.indexOf(epoch);
    if (i < 0 || i + 1 >= all.size()) return java.util.Optional.empty();
    DifficultyEpoch next = all.get(i + 1);
    double seconds = Duration.between(epoch.start(), next.start()).toMillis() / 1000.0;
    double blocks = next.height() - epoch.height();
    return java.util.Optional.of(Hashrate.ofMhs(epoch.difficulty() * HASHES_PER_DIFFICULTY * blocks / seconds / 1e6));
  }

  /** The network hashrate at {@code t} from the difficulty then in force. */
  public static Hashrate at(ChainHistory chain, Instant t) {
    return fromDifficulty(chain.epochAt(t).difficulty());
  }

  /** {@code fleet} as a share of {@code network}, 0 to 1, to six significant digits. */
  public static BigDecimal share(Hashrate fleet, Hashrate network) {
    if (network.isZero()) throw new IllegalArgumentException("network hashrate is zero");
    return BigDecimal.valueOf(fleet.mhs()).divide(BigDecimal.valueOf(network.mhs()), new MathContext(6));
  }
}
