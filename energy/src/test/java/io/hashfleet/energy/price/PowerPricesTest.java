package io.hashfleet.energy.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerPricesTest {
  static final Duration QUARTER = Duration.ofMinutes(15);

  static Instant at(String utc) {
    return Instant.parse("2024-07-15T" + utc + ":00Z");
  }

  static PriceInterval quarter(String utc, String usd) {
    return new PriceInterval(at(utc), QUARTER, new BigDecimal(usd));
  }

  /** 21:00 to 22:00 with 21:30–21:45 missing, given out of order. */
  static PowerPrices evening() {
    return PowerPrices.of(List.of(quarter("21:45", "57.33"), quarter("21:00", "38.12"), quarter("21:15", "-2.50")));
  }

  @Test
  void interval_acceptsNegativePricesButNotAnEmptyOrBackwardLength() {
    assertThat(quarter("03:00", "-251.75").isNegative()).isTrue();
    assertThat(quarter("03:00", "10").end()).isEqualTo(at("03:15"));
    assertThatThrownBy(() -> new PriceInterval(at("03:00"), Duration.ZERO, BigDecimal.ONE))
        .hasMessage("price interval starting 2024-07-15T03:00:00Z must have a positive length, got PT0S");
    assertThatThrownBy(() -> new PriceInterval(at("03:00"), Duration.ofMinutes(-15), BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void priceAt_isThePriceInForce_fromTheStartUpToButNotIncludingTheEnd() {
    PowerPrices prices = evening();
    assertThat(prices.priceAt(at("21:00"))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("38.12"));
    assertThat(prices.priceAt(at("21:14").plusSeconds(59))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("38.12"));
    assertThat(prices.priceAt(at("21:15"))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-2.50"));
  }

  @Test
  void priceAt_inAGapOrOutsideTheSeries_isEmptyRatherThanZero() {
    PowerPrices prices = evening();
    assertThat(prices.priceAt(at("21:30"))).isEmpty();
    assertThat(prices.priceAt(at("20:59"))).isEmpty();
    assertThat(prices.priceAt(at("22:00"))).isEmpty();
    assertThat(PowerPrices.empty().priceAt(at("21:00"))).isEmpty();
  }

  @Test
  void intervals_areSortedByStart() {
    assertThat(evening().intervals()).extracting(PriceInterval::start).containsExactly(at("21:00"), at("21:15"), at("21:45"));
    assertThat(evening().span()).contains(new TimeRange(at("21:00"), at("22:00")));
  }

  @Test
  void of_refusesOverlappingIntervals_becauseAMomentCannotHaveTwoPrices() {
    PriceInterval hour = new PriceInterval(at("21:00"), Duration.ofHours(1), new BigDecimal("40"));
    assertThatThrownBy(() -> PowerPrices.of(List.of(hour, quarter("21:30", "41"))))
        .hasMessage("price intervals overlap: [2024-07-15T21:00:00Z, 2024-07-15T22:00:00Z) and [2024-07-15T21:30:00Z, 2024-07-15T21:45:00Z)");
    assertThatThrownBy(() -> PowerPrices.of(List.of(hour, hour))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void between_keepsTheIntervalsThatReachIntoTheWindow_whole() {
    PowerPrices part = evening().between(at("21:10"), at("21:45"));
    assertThat(part.intervals()).containsExactly(quarter("21:00", "38.12"), quarter("21:15", "-2.50"));
    assertThat(evening().between(at("22:00"), at("23:00")).isEmpty()).isTrue();
    assertThatThrownBy(() -> evening().between(at("22:00"), at("21:00"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coverage_listsEveryStretchWithoutAPrice_insideAndAtTheEdgesOfTheWindow() {
    PriceCoverage coverage = evening().coverage(at("20:30"), at("22:30"));
    assertThat(coverage.gaps()).containsExactly(
        new TimeRange(at("20:30"), at("21:00")),
        new TimeRange(at("21:30"), at("21:45")),
        new TimeRange(at("22:00"), at("22:30")));
    assertThat(coverage.isComplete()).isFalse();
    assertThat(coverage.missing()).isEqualTo(Duration.ofMinutes(75));
    assertThat(coverage.covered()).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void coverage_ofAFullyPricedWindow_isComplete() {
    PriceCoverage coverage = evening().coverage(at("21:05"), at("21:30"));
    assertThat(coverage.isComplete()).isTrue();
    assertThat(coverage.covered()).isEqualTo(Duration.ofMinutes(25));
    assertThat(PowerPrices.empty().coverage(at("21:00"), at("22:00")).gaps())
        .containsExactly(new TimeRange(at("21:00"), at("22:00")));
  }
}
