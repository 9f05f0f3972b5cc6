package io.hashfleet.money.payout;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.production.DayProduction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Actual payouts against expected production, day by day. FPPS pools pay each UTC day's earnings
 * a little after midnight, so by default a payout counts for the day before the one it was paid
 * on ({@code lagDays} = 1).
 *
 * @param shortfallPct (expected − actual) ÷ expected × 100; positive means the pool paid less
 */
public record Reconciliation(List<Day> days, Btc expected, Btc actual, Btc shortfall, BigDecimal shortfallPct, BigDecimal thresholdPct,
    int lagDays) {

  /** One day; flagged when its shortfall (either way) is beyond the threshold. */
  public record Day(LocalDate day, Btc expected, Btc actual, Btc shortfall, BigDecimal shortfallPct, boolean flagged) {}

  public static Reconciliation of(List<DayProduction> expectedDays, List<Payout> payouts, int lagDays, BigDecimal thresholdPct) {
    Map<LocalDate, Btc> paid = new TreeMap<>();
    for (Payout p : payouts) {
      LocalDate earned = LocalDate.ofInstant(p.paidAt(), ZoneOffset.UTC).minusDays(lagDays);
      paid.merge(earned, p.amount(), Btc::plus);
    }
    List<Day> days = new ArrayList<>();
    Btc expected = Btc.ZERO;
    Btc actual = Btc.ZERO;
    for (DayProduction d : expectedDays) {
      Btc a = paid.getOrDefault(d.day(), Btc.ZERO);
      Btc gap = d.total().minus(a);
      BigDecimal pct = pct(gap, d.total());
      days.add(new Day(d.day(), d.total(), a, gap, pct, pct == null ? a.isPositive() : pct.abs().compareTo(thresholdPct) > 0));
      expected = expected.plus(d.total());
      actual = actual.plus(a);
    }
    Btc gap = expected.minus(actual);
    return new Reconciliation(List.copyOf(days), expected, actual, gap, pct(gap, expected), thresholdPct, lagDays);
  }

  public long flaggedDays() {
    return days.stream().filter(Day::flagged).count();
  }

  private static BigDecimal pct(Btc gap, Btc of) {
    if (of.sats() == 0) return null;
    return BigDecimal.valueOf(gap.sats()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(of.sats()), 2, RoundingMode.HALF_EVEN);
  }
}
