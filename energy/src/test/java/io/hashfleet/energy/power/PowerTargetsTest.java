package io.hashfleet.energy.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.ModelCatalog;
import org.junit.jupiter.api.Test;

class PowerTargetsTest {
  final PowerModel power = new PowerModel(ModelCatalog.bundled());

  static FleetMiner s19xp(Dialect dialect) {
    return new FleetMiner(MinerAddress.parse("10.0.0.1:4028"), new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", dialect, "fw", null), null);
  }

  @Test
  void onlyBraiinsOsMachinesGetAFloorAndItIsSixtyPercentOfTheModelsNominalEvenWhenTheUnitMeasuresLess() {
    // an S19 XP is 3,010 W on its nameplate; firmware checks a target against that, so a unit
    // measured at 2,990 W still gets ⌈0.6 × 3,010⌉ = 1,806 W, not ⌈0.6 × 2,990⌉ = 1,794 W
    assertThat(power.minWatts(s19xp(Dialect.BRAIINS_OS), 2990)).isEqualTo(1806);
    assertThat(power.minWatts(s19xp(Dialect.BRAIINS_OS), 3100)).isEqualTo(1860);
    for (Dialect d : Dialect.values()) if (d != Dialect.BRAIINS_OS) assertThat(power.minWatts(s19xp(d), 3010)).as(d.name()).isZero();
  }
}
