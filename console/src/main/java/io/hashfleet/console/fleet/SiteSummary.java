package io.hashfleet.console.fleet;

import java.util.Map;

/**
 * One site as the asking principal sees it (an owner: only its machines there).
 *
 * @param hashrateMhs operating hashrate now, sum of latest samples
 * @param installedMhs nominal hashrate of every registered machine
 */
public record SiteSummary(String site, long miners, long answering, long hashrateMhs, long installedMhs, long powerW, Double joulesPerTh,
    Map<String, Long> byState) {
  static SiteSummary of(String site, Totals t) {
    return new SiteSummary(site, t.miners, t.answering, t.hashrateMhs, t.installedMhs, t.powerW, t.joulesPerTh(), t.byState());
  }
}
