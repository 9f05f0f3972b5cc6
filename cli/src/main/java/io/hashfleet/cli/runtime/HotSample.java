package io.hashfleet.cli.runtime;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.PoolReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the poller's per-miner memory small: at 350,000 miners every hundred bytes is 35 MB.
 *
 * <p>The latest sample of a miner is kept with one pool instead of three (the active one, carrying
 * the share counts of all of them, which is what status and listings show), and strings that
 * thousands of miners share (pool URL, firmware, model, site) point at one copy. Health is decided
 * before this, on the full sample, so nothing a check needs is lost.
 */
final class HotSample {
  private final Map<Object, Object> canonical = new HashMap<>();

  MinerSample slim(MinerSample s) {
    MinerTelemetry t = s.telemetry();
    if (t == null || t.pools().size() <= 1) return s;
    PoolReading active = t.activePool();
    boolean anyAlive = false;
    for (PoolReading p : t.pools()) anyAlive |= p.alive();
    PoolReading one = new PoolReading(active == null ? null : active.url().intern(), active == null ? null : active.user(), anyAlive,
        active != null && active.active(), t.accepted(), t.rejected(), t.stale());
    MinerTelemetry slim = new MinerTelemetry(t.address(), t.at(), t.identity(), t.hashrateNow(), t.hashrateAvg(), t.boards(),
        t.fanRpm(), t.powerW(), List.of(one), t.hwErrors(), t.uptimeS());
    return new MinerSample(s.address(), s.at(), slim, s.health(), s.detail());
  }

  /** The same miner with identity and location shared with every other miner that has equal ones. */
  synchronized FleetMiner share(FleetMiner m) {
    MinerIdentity id = m.identity();
    MinerIdentity sharedId = (MinerIdentity) canonical.computeIfAbsent(new MinerIdentity(id.make(), intern(id.modelName()),
        intern(id.modelId()), id.dialect(), intern(id.firmware()), id.mac()), k -> k);
    MinerLocation loc = m.location();
    MinerLocation sharedLoc = new MinerLocation(intern(loc.site()), intern(loc.rack()), loc.position());
    return new FleetMiner(m.address(), sharedId, sharedLoc);
  }

  private static String intern(String s) {
    return s == null ? null : s.intern();
  }
}
