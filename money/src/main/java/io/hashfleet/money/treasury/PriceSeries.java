package io.hashfleet.money.treasury;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Daily USD close prices for bitcoin. A day without a price of its own takes the latest earlier
 * close, because price files skip days (exchange outages, a source that only lists weekdays) and
 * the last close is what a valuation on that day would use.
 */
public final class PriceSeries {
  private final NavigableMap<LocalDate, BigDecimal> closes;

  private PriceSeries(NavigableMap<LocalDate, BigDecimal> closes) {
    this.closes = closes;
  }

  /** @throws IllegalArgumentException if two prices share a date */
  public static PriceSeries of(Collection<DailyPrice> prices) {
    NavigableMap<LocalDate, BigDecimal> closes = new TreeMap<>();
    for (DailyPrice price : prices) {
      if (closes.putIfAbsent(price.date(), price.usd()) != null) {
        throw new IllegalArgumentException("two prices for " + price.date());
      }
    }
    return new PriceSeries(closes);
  }

  public static PriceSeries of(Map<LocalDate, BigDecimal> closes) {
    return of(closes.entrySet().stream().map(e -> new DailyPrice(e.getKey(), e.getValue())).toList());
  }

  /**
   * The close on {@code date}, or else the latest before it.
   *
   * @throws IllegalArgumentException if the series has no price on or before {@code date}
   */
  public BigDecimal priceOn(LocalDate date) {
    Map.Entry<LocalDate, BigDecimal> close = closes.floorEntry(date);
    if (close == null) {
      throw new IllegalArgumentException("no USD price on or before " + date
          + (closes.isEmpty() ? "; the price series is empty" : "; the price series starts " + closes.firstKey()));
    }
    return close.getValue();
  }

  public boolean isEmpty() {
    return closes.isEmpty();
  }

  /** Every close in date order, as plain records for storing or charting. */
  public List<DailyPrice> prices() {
    return closes.entrySet().stream().map(e -> new DailyPrice(e.getKey(), e.getValue())).toList();
  }
}
