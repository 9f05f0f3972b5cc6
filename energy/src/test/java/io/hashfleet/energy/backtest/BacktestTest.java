package io.hashfleet.energy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.power.FleetGroup;
import io.hashfleet.energy.power.FleetMix;
import io.hashfleet.energy.price.PriceInterval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hashprice $50/PH/day: revenue per MWh is $96.90 for an S19 XP (21.5 J/TH) and $70.62 for an
 * S19j Pro (29.5 J/TH), so a price between them switches off only the less efficient model.
 */
class BacktestTest {
  static final ModelCatalog CATALOG = ModelCatalog.bundled();
  static final Instant T0 = Instant.parse("2024-07-15T00:00:00Z");
  static final HashpriceSource HP = new HashpriceSource.Constant(new BigDecimal("50"));

  static FleetMix fleet() {
    return new FleetMix(List.of(new FleetGroup(CATALOG.byId("s19xp").orElseThrow(), 1000), new FleetGroup(CATALOG.byId("s19jpro").orElseThrow(), 1000)));
  }

  static List<PriceInterval> prices(double... usd) {
    List<PriceInterval> out = new ArrayList<>();
    for (int i = 0; i < usd.length; i++) out.add(new PriceInterval(T0.plus(Duration.ofMinutes(15L * i)), Duration.ofMinutes(15), BigDecimal.valueOf(usd[i])));
    return out;
  }

  static BacktestSettings settings(int intervals) {
    return new BacktestSettings(T0, T0.plus(Duration.ofMinutes(15L * intervals)), BigDecimal.ZERO, Duration.ZERO, Duration.ZERO);
  }

  @Test
  void aPriceBetweenTheTwoBreakevensCurtailsOnlyTheLessEfficientModel() {
    // s19xp breakeven 50 / (0.024 × 21.5) = $96.90; s19jpro 50 / (0.024 × 29.5) = $70.62
    BacktestResult r = Backtest.run(fleet(), prices(30, 80, 30, 30), HP, settings(4));
    ModelResult xp = r.models().get(0);
    ModelResult jpro = r.models().get(1);
    assertThat(xp.breakevenUsdPerMwh()).isEqualByComparingTo("96.90");
    assertThat(jpro.breakevenUsdPerMwh()).isEqualByComparingTo("70.62");
    assertThat(xp.curtailedHours()).isEqualByComparingTo("0");
    assertThat(jpro.curtailedHours()).isEqualByComparingTo("0.25");
    // 1000 × 3,068 W for 15 minutes = 0.767 MWh not drawn at $80
    BigDecimal jproMw = new BigDecimal("3.068");
    assertThat(jpro.curtailedMwh()).isEqualByComparingTo(jproMw.multiply(new BigDecimal("0.25")));
    assertThat(jpro.gainUsd()).isPositive();
    assertThat(r.total().curtailedHours()).isEqualByComparingTo("0.25");
  }

  @Test
  void withoutCurtailmentNetMarginEqualsTheBaseline() {
    BacktestResult r = Backtest.run(fleet(), prices(20, 25, 30, 35), HP, settings(4));
    assertThat(r.total().curtailedMwh()).isEqualByComparingTo("0");
    assertThat(r.total().netMarginUsd()).isEqualByComparingTo(r.total().baselineNetMarginUsd());
    // 1000 × 140 TH/s = 140 PH/s and 1000 × 104 TH/s = 104 PH/s at $50/PH/day for one hour; the total is the sum of
    // the models' rows, each rounded to the cent
    assertThat(r.models().get(0).revenueUsd()).isEqualByComparingTo("291.67");
    assertThat(r.models().get(1).revenueUsd()).isEqualByComparingTo("216.67");
    assertThat(r.total().revenueUsd()).isEqualByComparingTo("508.34");
  }

  @Test
  void aNegativePriceIsPaidToRun() {
    BacktestResult r = Backtest.run(fleet(), prices(-20), HP, settings(1));
    assertThat(r.total().powerCostUsd()).isNegative();
    assertThat(r.total().curtailedMwh()).isEqualByComparingTo("0");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("negative prices"));
  }

  @Test
  void aCreditForBeingOffRaisesTheBar() {
    BacktestSettings withCredit = new BacktestSettings(T0, T0.plus(Duration.ofMinutes(15)), new BigDecimal("50"), Duration.ZERO, Duration.ZERO);
    BacktestResult r = Backtest.run(fleet(), prices(60), HP, withCredit);
    // s19xp: 96.90 > 60 + 50? no, so both are off and both earn the credit
    assertThat(r.models()).allSatisfy(m -> assertThat(m.curtailedHours()).isEqualByComparingTo("0.25"));
    assertThat(r.total().creditsUsd()).isPositive();
  }

  @Test
  void minimumOffTimeKeepsAMachineOffThroughAShortDip() {
    BacktestSettings slow = new BacktestSettings(T0, T0.plus(Duration.ofMinutes(60)), BigDecimal.ZERO, Duration.ZERO, Duration.ofMinutes(30));
    BacktestResult r = Backtest.run(fleet(), prices(80, 30, 30, 30), HP, slow);
    assertThat(r.models().get(1).curtailedHours()).isEqualByComparingTo("0.50"); // off at 00:00, allowed back at 00:30
  }

  @Test
  void aFourCpWindowSwitchesEverythingOffWhateverThePrice() {
    var windows = io.hashfleet.energy.signal.FourCpWindows.configured(java.time.LocalDate.of(2024, 7, 15), java.time.LocalDate.of(2024, 7, 15),
        java.time.LocalTime.of(15, 0), java.time.LocalTime.of(18, 0));
    Instant from = Instant.parse("2024-07-15T19:30:00Z"); // 14:30 CDT
    List<PriceInterval> p = new ArrayList<>();
    for (int i = 0; i < 4; i++) p.add(new PriceInterval(from.plus(Duration.ofMinutes(15L * i)), Duration.ofMinutes(15), new BigDecimal("10")));
    BacktestSettings s = new BacktestSettings(from, from.plus(Duration.ofHours(1)), BigDecimal.ZERO, Duration.ofHours(1), Duration.ZERO, windows);
    BacktestResult r = Backtest.run(fleet(), p, HP, s);
    // 15:00-15:30 CDT are inside the window: half the hour off for both models despite cheap power
    assertThat(r.models()).allSatisfy(m -> assertThat(m.curtailedHours()).isEqualByComparingTo("0.50"));
  }
}
