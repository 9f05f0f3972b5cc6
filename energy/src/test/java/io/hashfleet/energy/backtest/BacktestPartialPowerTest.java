package io.hashfleet.energy.backtest;

import static io.hashfleet.energy.backtest.BacktestTest.CATALOG;
import static io.hashfleet.energy.backtest.BacktestTest.HP;
import static io.hashfleet.energy.backtest.BacktestTest.prices;
import static io.hashfleet.energy.backtest.BacktestTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.energy.power.FleetGroup;
import io.hashfleet.energy.power.FleetMix;
import io.hashfleet.money.csv.ImportException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hashprice $50/PH/day: an S19j Pro (29.5 J/TH) earns $70.62 per MWh at nominal; at 60% power it
 * does 29.5 × 0.6^0.2 = 26.64 J/TH and earns $78.21. At $75 it loses at nominal and pays turned down.
 */
class BacktestPartialPowerTest {
  static FleetMix jpros(boolean partial) {
    return new FleetMix(List.of(new FleetGroup(CATALOG.byId("s19jpro").orElseThrow(), 1000, partial)));
  }

  @Test
  void turningDownInsteadOfStoppingRaisesTheMarginWhenOnlyReducedPowerPays() {
    var p = prices(30, 75, 75, 30);
    ModelResult off = Backtest.run(jpros(false), p, HP, settings(4)).models().getFirst();
    ModelResult down = Backtest.run(jpros(true), p, HP, settings(4)).models().getFirst();

    assertThat(off.curtailedHours()).isEqualByComparingTo("0.50");
    assertThat(down.curtailedHours()).isEqualByComparingTo("0");
    assertThat(down.turnedDownHours()).isEqualByComparingTo("0.50");
    assertThat(down.partialPower()).isTrue();
    // 3.068 MW × 0.5 h = 1.534 MWh not drawn when off; 40% of it when turned down
    assertThat(off.curtailedMwh()).isEqualByComparingTo("1.534");
    assertThat(down.curtailedMwh()).isEqualByComparingTo("0.614");
    assertThat(down.revenueUsd()).isGreaterThan(off.revenueUsd());
    assertThat(down.netMarginUsd()).isGreaterThan(off.netMarginUsd());
    // the half hour turned down: 0.6 × 1.534 MWh at $75 costs $69.03 and earns 0.6^0.8 of
    // 3,068 W / 29.5 J/TH = 104 TH/s × 1000 machines = 104 PH/s × $50 / 48 = $108.33 × 0.665 = $72.03
    assertThat(down.netMarginUsd().subtract(off.netMarginUsd())).isBetween(new BigDecimal("2.90"), new BigDecimal("3.10"));
  }

  @Test
  void whenEvenReducedPowerLosesTheGroupStopsAsBefore() {
    var p = prices(30, 90, 90, 30);
    ModelResult off = Backtest.run(jpros(false), p, HP, settings(4)).models().getFirst();
    ModelResult down = Backtest.run(jpros(true), p, HP, settings(4)).models().getFirst();
    assertThat(down.netMarginUsd()).isEqualByComparingTo(off.netMarginUsd());
    assertThat(down.turnedDownHours()).isEqualByComparingTo("0");
  }

  @Test
  void theFleetFileNamesFirmwareInAnOptionalThirdColumnAndOnlyBraiinsOsTakesTargets(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("fleet.csv");
    Files.writeString(f, "model,count,firmware\ns19jpro,600,braiins_os\ns19jpro,400,bitmain\ns19xp,1000\n");
    FleetMix mix = FleetMix.read(f, CATALOG);
    assertThat(mix.groups()).extracting(g -> g.model().id() + " " + g.count() + " " + g.partialPower())
        .containsExactly("s19jpro 600 true", "s19jpro 400 false", "s19xp 1000 false");
    assertThat(mix.withPartialPower(FleetMix.PartialPowerMode.ALL).groups()).allSatisfy(g -> assertThat(g.partialPower()).isTrue());
    assertThat(mix.withPartialPower(FleetMix.PartialPowerMode.NONE).groups()).allSatisfy(g -> assertThat(g.partialPower()).isFalse());
    Files.writeString(f, "s19jpro,600,luxos-ish\n");
    assertThatThrownBy(() -> FleetMix.read(f, CATALOG)).isInstanceOf(ImportException.class).hasMessageContaining("unknown firmware 'luxos-ish'");
  }
}
