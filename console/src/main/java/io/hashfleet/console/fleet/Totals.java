package io.hashfleet.console.fleet;

import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.ModelCatalog;
import java.util.Map;

/**
 * Running totals over miners' latest samples: what the overview and each site summary show.
 * Efficiency counts only miners that report power, against their own hashrate, so machines whose
 * firmware gives no power reading do not make the fleet look better than it is.
 */
final class Totals {
  long miners;
  long answering;
  long hashrateMhs;
  long installedMhs;
  long powerW;
  long hashrateWithPowerMhs;
  final StateCounts states = new StateCounts();

  void add(String modelId, HealthState health, long count, long answering, long hashrateMhs, long powerW, long hashrateWithPowerMhs,
      ModelCatalog catalog) {
    this.miners += count;
    this.answering += answering;
    this.hashrateMhs += hashrateMhs;
    this.powerW += powerW;
    this.hashrateWithPowerMhs += hashrateWithPowerMhs;
    if (modelId != null) catalog.byId(modelId).ifPresent(m -> installedMhs += count * m.nominal().mhs());
    states.add(health, count);
  }

  /** Joules per terahash, or null when no miner reports power. */
  Double joulesPerTh() {
    if (hashrateWithPowerMhs == 0) return null;
    return Math.round(powerW / (hashrateWithPowerMhs / 1e6) * 100) / 100.0;
  }

  Map<String, Long> byState() {
    return states.toMap();
  }
}
