package io.hashfleet.money.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;

/**
 * How far a tranche has paid for itself: what its hashrate earned after costs since it was bought,
 * the return on its price so far, and when it paid back (or, at the recent rate, when it will).
 *
 * @param paybackDate the day cumulative net earnings reached the price; null if not yet
 * @param projectedPaybackDays days from {@code asOf} to payback at the last 30 days' rate; null when
 *     already paid back or when that rate is not positive
 */
public record TrancheReturn(AcquisitionTranche tranche, LocalDate asOf, BigDecimal netEarnedUsd, BigDecimal roiPct, LocalDate paybackDate,
    Long projectedPaybackDays) {

  /**
   * @param netUsdPerThByDay each day's production value minus costs, per TH/s of operating
   *     hashrate; a tranche earns it on every day from its purchase date
   */
  public static TrancheReturn of(AcquisitionTranche t, NavigableMap<LocalDate, BigDecimal> netUsdPerThByDay, LocalDate asOf) {
    BigDecimal cumulative = BigDecimal.ZERO;
    LocalDate payback = null;
    for (var e : netUsdPerThByDay.subMap(t.date(), true, asOf, true).entrySet()) {
      cumulative = cumulative.add(e.getValue().multiply(t.terahashes()));
      if (payback == null && cumulative.compareTo(t.priceUsd()) >= 0) payback = e.getKey();
    }
    BigDecimal roi = cumulative.multiply(BigDecimal.valueOf(100)).divide(t.priceUsd(), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    Long projected = null;
    if (payback == null) {
      List<BigDecimal> recent = netUsdPerThByDay.subMap(asOf.minusDays(29), true, asOf, true).values().stream().toList();
      if (!recent.isEmpty()) {
        BigDecimal perDay = recent.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(recent.size()), MathContext.DECIMAL64).multiply(t.terahashes());
        if (perDay.signum() > 0) {
          projected = t.priceUsd().subtract(cumulative).divide(perDay, 0, RoundingMode.CEILING).longValueExact();
        }
      }
    }
    return new TrancheReturn(t, asOf, cumulative.setScale(2, RoundingMode.HALF_EVEN), roi, payback, projected);
  }
}
