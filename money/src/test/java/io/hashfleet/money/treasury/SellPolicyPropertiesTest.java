package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No policy makes satoshis appear or vanish: what is sold plus what is held is what was mined. */
class SellPolicyPropertiesTest {
  static final LocalDate FROM = LocalDate.parse("2024-03-01");
  static final LocalDate TO = FROM.plusDays(29);

  @Property(tries = 500)
  void sellShareOfProduction_soldPlusHeldIsExactlyProduced(
      @ForAll("production") List<DailyProduction> production, @ForAll("fractions") BigDecimal fraction, @ForAll("prices") PriceSeries prices) {
    SimulationResult r = SellPolicySimulator.run(new SellPolicy.SellShareOfProduction(fraction), production, prices, FROM, TO);

    assertThat(r.sold().plus(r.held())).isEqualTo(r.produced()).isEqualTo(minedInWindow(production));
    assertThat(r.days()).allSatisfy(day -> assertThat(day.sold().sats())
        .isEqualTo(fraction.multiply(BigDecimal.valueOf(day.produced().sats())).setScale(0, RoundingMode.FLOOR).longValueExact()));
    assertEverySatoshiAccountedFor(r);
  }

  @Property(tries = 300)
  void sellAbovePrice_soldPlusHeldIsExactlyProduced(
      @ForAll("production") List<DailyProduction> production, @ForAll("prices") PriceSeries prices) {
    BigDecimal target = prices.priceOn(FROM.plusDays(10));
    SimulationResult r = SellPolicySimulator.run(new SellPolicy.SellAbovePrice(target), production, prices, FROM, TO);

    assertThat(r.sold().plus(r.held())).isEqualTo(r.produced()).isEqualTo(minedInWindow(production));
    assertThat(r.days()).allSatisfy(day -> {
      if (day.usdPerBtc().compareTo(target) >= 0) assertThat(day.holdings()).isEqualTo(Btc.ZERO);
    });
    assertEverySatoshiAccountedFor(r);
  }

  private static void assertEverySatoshiAccountedFor(SimulationResult r) {
    long held = 0;
    BigDecimal previousProceeds = BigDecimal.ZERO;
    for (SimulationDay day : r.days()) {
      held += day.produced().sats() - day.sold().sats();
      assertThat(day.holdings().sats()).isEqualTo(held).isNotNegative();
      assertThat(day.cumulativeProceeds()).isGreaterThanOrEqualTo(previousProceeds);
      previousProceeds = day.cumulativeProceeds();
    }
    assertThat(r.days()).hasSize(30);
    assertThat(r.held().sats()).isEqualTo(held);
    assertThat(r.proceeds()).isEqualTo(previousProceeds);
  }

  private static Btc minedInWindow(List<DailyProduction> production) {
    return production.stream().filter(p -> !p.date().isBefore(FROM) && !p.date().isAfter(TO))
        .map(DailyProduction::amount).reduce(Btc.ZERO, Btc::plus);
  }

  /** Days a little outside the window too, some repeated, amounts from dust to a large fleet's year. */
  @Provide
  Arbitrary<List<DailyProduction>> production() {
    Arbitrary<Long> sats = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, 5_000_000_000L), Arbitraries.longs().between(0, 1_000_000_000_000_000L));
    return Combinators.combine(Arbitraries.integers().between(-3, 33), sats)
        .as((day, amount) -> new DailyProduction(FROM.plusDays(day), Btc.ofSats(amount)))
        .list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<BigDecimal> fractions() {
    return Arbitraries.oneOf(
        Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.333333")),
        Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1))
            .as((scale, share) -> BigDecimal.valueOf(share).setScale(scale, RoundingMode.DOWN)));
  }

  /** Closes on some days only, so many days fall back to an earlier close. */
  @Provide
  Arbitrary<PriceSeries> prices() {
    Arbitrary<DailyPrice> close = Combinators.combine(Arbitraries.integers().between(1, 29), Arbitraries.longs().between(1, 20_000_000L))
        .as((day, cents) -> new DailyPrice(FROM.plusDays(day), BigDecimal.valueOf(cents, 2)));
    return close.list().ofMaxSize(20).uniqueElements(DailyPrice::date)
        .map(closes -> PriceSeries.of(Stream.concat(Stream.of(new DailyPrice(FROM, new BigDecimal("60000"))), closes.stream()).toList()));
  }
}
