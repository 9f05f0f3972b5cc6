package io.hashfleet.cli.runtime;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerSample;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest sample of every miner, in memory, for live status without a store query. This is the
 * poller's hot state: one entry per tracked miner.
 */
public final class LiveFleet {
  private final Map<MinerAddress, FleetMiner> registered = new ConcurrentHashMap<>();
  private final Map<MinerAddress, MinerSample> latest = new ConcurrentHashMap<>();
  private final HotSample hot = new HotSample();

  /** Registers a miner and returns the copy to keep (sharing identity and location objects). */
  public FleetMiner register(FleetMiner m) {
    FleetMiner shared = hot.share(m);
    registered.put(shared.address(), shared);
    return shared;
  }

  public void update(MinerSample s) {
    latest.put(s.address(), hot.slim(s));
  }

  public int size() {
    return registered.size();
  }

  public Collection<MinerSample> samples() {
    return latest.values();
  }

  public FleetMiner miner(MinerAddress a) {
    return registered.get(a);
  }

  /** Fleet totals over the latest sample of each miner; miners not yet polled count as unknown. */
  public Summary summary() {
    EnumMap<HealthState, Long> byState = new EnumMap<>(HealthState.class);
    long hashMhs = 0;
    long watts = 0;
    int withPower = 0;
    for (MinerSample s : latest.values()) {
      byState.merge(s.health(), 1L, Long::sum);
      if (s.telemetry() != null) {
        hashMhs += s.telemetry().hashrateAvg().isZero() ? s.telemetry().hashrateNow().mhs() : s.telemetry().hashrateAvg().mhs();
        if (s.telemetry().powerW() != null) {
          watts += s.telemetry().powerW();
          withPower++;
        }
      }
    }
    return new Summary(registered.size(), latest.size(), new Hashrate(hashMhs), watts, withPower, byState);
  }

  /**
   * @param powerW reported watts summed over the miners that report power
   * @param minersWithPower how many miners that is
   */
  public record Summary(int registered, int polled, Hashrate hashrate, long powerW, int minersWithPower, Map<HealthState, Long> byState) {}
}
