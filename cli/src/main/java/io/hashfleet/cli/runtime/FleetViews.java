package io.hashfleet.cli.runtime;

import io.hashfleet.cli.output.MinerRow;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.ModelCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the status and per-miner views that `status` and `miners` print, from the live fleet. */
public final class FleetViews {
  private FleetViews() {}

  public static Map<String, Object> status(LiveFleet live, int openAlerts) {
    LiveFleet.Summary s = live.summary();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", "live");
    m.put("registered", s.registered());
    m.put("polled", s.polled());
    m.put("hashrate_ths", Math.round(s.hashrate().ths() * 100) / 100.0);
    m.put("hashrate", s.hashrate().toString());
    m.put("power_w", s.minersWithPower() == 0 ? null : s.powerW());
    m.put("miners_reporting_power", s.minersWithPower());
    Map<String, Long> byState = new LinkedHashMap<>();
    for (HealthState h : HealthState.values()) byState.put(h.code(), s.byState().getOrDefault(h, 0L));
    byState.put("unknown", (long) (s.registered() - s.polled()));
    m.put("by_state", byState);
    m.put("open_alerts", openAlerts);
    return m;
  }

  /** Per-miner rows, filtered; {@code limit} 0 means all. */
  public static List<Map<String, Object>> miners(LiveFleet live, ModelCatalog catalog, String site, String modelId, HealthState health, int limit) {
    List<MinerSample> samples = new ArrayList<>(live.samples());
    samples.sort((a, b) -> a.address().compareTo(b.address()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (MinerSample s : samples) {
      FleetMiner fm = live.miner(s.address());
      MinerIdentity id = fm == null ? MinerIdentity.UNKNOWN : fm.identity();
      if (s.telemetry() != null) id = s.telemetry().identity();
      MinerLocation loc = fm == null ? MinerLocation.UNKNOWN : fm.location();
      if (site != null && !site.equals(loc.site())) continue;
      if (modelId != null && !modelId.equals(id.modelId())) continue;
      if (health != null && health != s.health()) continue;
      out.add(MinerRow.of(s.address(), id, loc, s.telemetry(), s.health(), s.detail(), catalog));
      if (limit > 0 && out.size() >= limit) break;
    }
    return out;
  }
}
