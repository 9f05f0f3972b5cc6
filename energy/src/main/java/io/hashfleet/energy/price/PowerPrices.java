package io.hashfleet.energy.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A price series for one settlement point: intervals sorted by start, none overlapping. Gaps are
 * allowed and stay visible, because a missing price is not a zero price and must not be read as
 * one; {@link #coverage} lists them.
 */
public final class PowerPrices {
  private static final PowerPrices EMPTY = new PowerPrices(new TreeMap<>());

  private final NavigableMap<Instant, PriceInterval> byStart;

  private PowerPrices(NavigableMap<Instant, PriceInterval> byStart) {
    this.byStart = byStart;
  }

  public static PowerPrices empty() {
    return EMPTY;
  }

  /**
   * Sorts {@code intervals} by start.
   *
   * @throws IllegalArgumentException if two intervals overlap, since a moment with two prices has no price
   */
  public static PowerPrices of(Collection<PriceInterval> intervals) {
    List<PriceInterval> sorted = intervals.stream().sorted(Comparator.comparing(PriceInterval::start)).toList();
    NavigableMap<Instant, PriceInterval> byStart = new TreeMap<>();
    PriceInterval previous = null;
    for (PriceInterval interval : sorted) {
      if (previous != null && previous.overlaps(interval)) {
        throw new IllegalArgumentException("price intervals overlap: " + previous.range() + " and " + interval.range());
      }
      byStart.put(interval.start(), interval);
      previous = interval;
    }
    return new PowerPrices(byStart);
  }

  /** The price in force at {@code at}, or empty when no interval covers it. */
  public Optional<BigDecimal> priceAt(Instant at) {
    return intervalAt(at).map(PriceInterval::usdPerMwh);
  }

  public Optional<PriceInterval> intervalAt(Instant at) {
    Map.Entry<Instant, PriceInterval> candidate = byStart.floorEntry(at);
    return candidate != null && candidate.getValue().contains(at) ? Optional.of(candidate.getValue()) : Optional.empty();
  }

  /** Every interval in start order. */
  public List<PriceInterval> intervals() {
    return List.copyOf(byStart.values());
  }

  /**
   * The intervals that overlap {@code [from, to)}, whole: an hourly price that starts before
   * {@code from} is kept as it was quoted rather than cut into a shorter interval it never had.
   */
  public PowerPrices between(Instant from, Instant to) {
    new TimeRange(from, to); // refuses a window that ends before it starts
    NavigableMap<Instant, PriceInterval> inside = new TreeMap<>(byStart.subMap(from, true, to, false));
    // Intervals never overlap, so at most one starts before from and reaches into the window.
    intervalAt(from).ifPresent(first -> inside.put(first.start(), first));
    return new PowerPrices(inside);
  }

  /** The parts of {@code [from, to)} that no interval prices, in time order. */
  public PriceCoverage coverage(Instant from, Instant to) {
    TimeRange window = new TimeRange(from, to);
    List<TimeRange> gaps = new ArrayList<>();
    Instant cursor = from;
    for (PriceInterval interval : between(from, to).byStart.values()) {
      if (interval.start().isAfter(cursor)) gaps.add(new TimeRange(cursor, interval.start()));
      if (interval.end().isAfter(cursor)) cursor = interval.end();
    }
    if (cursor.isBefore(to)) gaps.add(new TimeRange(cursor, to));
    return new PriceCoverage(window, gaps);
  }

  /** From the first interval's start to the last one's end, or empty when there are no prices. */
  public Optional<TimeRange> span() {
    if (byStart.isEmpty()) return Optional.empty();
    return Optional.of(new TimeRange(byStart.firstKey(), byStart.lastEntry().getValue().end()));
  }

  public boolean isEmpty() {
    return byStart.isEmpty();
  }

  public int size() {
    return byStart.size();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PowerPrices that && byStart.equals(that.byStart);
  }

  @Override
  public int hashCode() {
    return byStart.hashCode();
  }

  @Override
  public String toString() {
    return "PowerPrices(" + size() + " intervals" + span().map(s -> " in " + s).orElse("") + ")";
  }
}
