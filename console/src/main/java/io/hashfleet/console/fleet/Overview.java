package io.hashfleet.console.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance for one principal.
 *
 * @param uptimePct24h share of polls answered over the last 24 hours, null before any poll
 * @param production expected BTC today and this month from measured hashrate, null when not configured
 */
public record Overview(Instant at, String tenant, long miners, long answering, long hashrateMhs, long installedMhs, long powerW,
    Double joulesPerTh, Double uptimePct24h, long openAlerts, Map<String, Long> byState, List<SiteSummary> sites,
    ProductionFigures.Figures production) {}
