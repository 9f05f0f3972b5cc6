package io.hashfleet.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything one poll learned about one miner, normalised across firmware dialects.
 *
 * @param powerW input power in watts where the firmware reports it, else null
 * @param hwErrors hardware errors since start
 * @param uptimeS seconds since the mining software started
 */
public record MinerTelemetry(
    MinerAddress address,
    Instant at,
    MinerIdentity identity,
    Hashrate hashrateNow,
    Hashrate hashrateAvg,
    List<HashboardReading> boards,
    List<Integer> fanRpm,
    Integer powerW,
    List<PoolReading> pools,
    long hwErrors,
    long uptimeS) {

  public MinerTelemetry {
    boards = List.copyOf(boards);
    fanRpm = List.copyOf(fanRpm);
    pools = List.copyOf(pools);
  }

  public int boardsAlive() {
    int n = 0;
    for (HashboardReading b : boards) if (b.alive()) n++;
    return n;
  }

  /** Hottest sensor on any board, or null when the firmware reports none. */
  public Double tempMaxC() {
    Double max = null;
    for (HashboardReading b : boards) {
      Double t = b.maxTempC();
      if (t != null && (max == null || t > max)) max = t;
    }
    return max;
  }

  /** The pool shares go to now: the first active one, else the first alive one, else null. */
  public PoolReading activePool() {
    for (PoolReading p : pools) if (p.active()) return p;
    for (PoolReading p : pools) if (p.alive()) return p;
    return null;
  }

  public long accepted() {
    long n = 0;
    for (PoolReading p : pools) n += p.accepted();
    return n;
  }

  public long rejected() {
    long n = 0;
    for (PoolReading p : pools) n += p.rejected();
    return n;
  }

  public long stale() {
    long n = 0;
    for (PoolReading p : pools) n += p.stale();
    return n;
  }
}
