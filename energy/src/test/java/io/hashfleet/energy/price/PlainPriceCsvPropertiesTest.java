package io.hashfleet.energy.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * However a plain price file is shuffled and however many rows are repeated with the same price,
 * reading it gives back each interval once, in order, at its price.
 */
class PlainPriceCsvPropertiesTest {
  static final Instant FIRST = Instant.parse("2024-06-01T00:00:00Z");

  /**
   * A run of at least two back-to-back intervals, then some missing ones. Runs of two or more keep
   * the interval length the most common spacing, as it is in any real price file.
   */
  record Segment(int run, int missingAfter, List<Integer> centsPerMwh) {}

  @Property(tries = 300)
  void shuffledAndRepeatedRows_readAsTheSortedDistinctIntervalsAtTheirPrices(
      @ForAll("segments") List<Segment> segments,
      @ForAll("lengths") Duration length,
      @ForAll boolean withMinutesColumn,
      @ForAll @IntRange(min = 0, max = 40) int repeats,
      @ForAll Random random) {
    List<PriceInterval> expected = intervals(segments, length);
    List<PriceInterval> rows = new ArrayList<>(expected);
    for (int i = 0; i < repeats; i++) rows.add(expected.get(random.nextInt(expected.size())));
    Collections.shuffle(rows, random);

    PriceImport read = PlainPriceCsv.parse("prices.csv", csv(rows, withMinutesColumn));

    PowerPrices prices = read.orThrow();
    assertThat(prices.intervals()).extracting(PriceInterval::start).containsExactlyElementsOf(expected.stream().map(PriceInterval::start).toList());
    assertThat(prices.intervals()).extracting(PriceInterval::length).containsOnly(length);
    for (PriceInterval interval : expected) {
      assertThat(prices.priceAt(interval.start())).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(interval.usdPerMwh()));
      assertThat(prices.priceAt(interval.end().minusSeconds(1))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(interval.usdPerMwh()));
    }
    assertThat(read.report().duplicatesDropped()).hasSize(repeats);
    assertThat(read.report().gaps()).hasSize(segments.size() - 1);
  }

  static List<PriceInterval> intervals(List<Segment> segments, Duration length) {
    List<PriceInterval> intervals = new ArrayList<>();
    Instant start = FIRST;
    for (Segment segment : segments) {
      for (int i = 0; i < segment.run(); i++) {
        intervals.add(new PriceInterval(start, length, BigDecimal.valueOf(segment.centsPerMwh().get(i), 2)));
        start = start.plus(length);
      }
      start = start.plus(length.multipliedBy(segment.missingAfter()));
    }
    return intervals;
  }

  static String csv(List<PriceInterval> rows, boolean withMinutesColumn) {
    StringBuilder text = new StringBuilder(withMinutesColumn ? "price_usd_per_mwh,interval_start,interval_minutes\n" : "interval_start,price_usd_per_mwh\n");
    for (PriceInterval row : rows) {
      if (withMinutesColumn) {
        text.append(row.usdPerMwh().toPlainString()).append(',').append(row.start()).append(',').append(row.length().toMinutes()).append('\n');
      } else {
        text.append(row.start()).append(',').append(row.usdPerMwh().toPlainString()).append('\n');
      }
    }
    return text.toString();
  }

  @Provide
  Arbitrary<List<Segment>> segments() {
    Arbitrary<Integer> cents = Arbitraries.integers().between(-50_000, 900_000); // -500.00 to 9000.00 $/MWh
    Arbitrary<Segment> segment = Combinators.combine(
            Arbitraries.integers().between(2, 8), Arbitraries.integers().between(1, 6), cents.list().ofSize(8))
        .as(Segment::new);
    return segment.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Duration> lengths() {
    return Arbitraries.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
  }
}
