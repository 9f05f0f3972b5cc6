package io.hashfleet.money.production;

import io.hashfleet.domain.Hashrate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hashprice by day, as the industry quotes it: the expected value of 1 PH/s for one day, in BTC and
 * in USD (with the day's price), from the same engine and fee basis as production.
 */
public final class Hashprice {
  /** One day's hashprice; usd is null when no price is known for the day. */
  public record Day(LocalDate day, BigDecimal btcPerPhDay, BigDecimal usdPerPhDay) {}

  private Hashprice() {}

  /**
   * @param usdPerBtc the day's USD price of one BTC, or null when unknown
   */
  public static List<Day> byDay(ExpectedProduction engine, FeeAssumption fees, Instant from, Instant to, Function<LocalDate, BigDecimal> usdPerBtc) {
    // 1 EH/s rather than 1 PH/s: a thousand times more satoshis, so rounding to the satoshi costs
    // nothing at the eight decimals a hashprice is quoted with.
    ProductionEstimate e = engine.constant(Hashrate.ofEhs(1), from, to, fees);
    List<Day> out = new ArrayList<>();
    for (DayProduction d : e.days()) {
      BigDecimal fullDay = BigDecimal.valueOf(86_400);
      BigDecimal dayFraction = BigDecimal.valueOf(secondsIn(d, from, to)).divide(fullDay, MathContext.DECIMAL64);
      BigDecimal btc = d.total().toBtc().divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64)
          .divide(dayFraction, MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_EVEN);
      BigDecimal price = usdPerBtc.apply(d.day());
      out.add(new Day(d.day(), btc, price == null ? null : btc.multiply(price).setScale(2, RoundingMode.HALF_EVEN)));
    }
    return out;
  }

  private static long secondsIn(DayProduction d, Instant from, Instant to) {
    Instant start = d.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant end = start.plusSeconds(86_400);
    if (from.isAfter(start)) start = from;
    if (to.isBefore(end)) end = to;
    return java.time.Duration.between(start, end).toSeconds();
  }

  /** The hashprice of a whole period as one figure: BTC per PH/s per day, averaged over its days. */
  public static BigDecimal average(List<Day> days) {
    if (days.isEmpty()) return BigDecimal.ZERO;
    return days.stream().map(Day::btcPerPhDay).reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(days.size()), 8, RoundingMode.HALF_EVEN);
  }
}
