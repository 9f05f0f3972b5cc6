package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimConfigTest {
  @Test
  void parseMix_keepsOrderAndWeights() {
    assertThat(SimConfig.parseMix("s19xp:60, s21:30,m50s")).containsExactly(
        java.util.Map.entry("s19xp", 60), java.util.Map.entry("s21", 30), java.util.Map.entry("m50s", 1));
  }

  @Test
  void parseMix_namesTheBadToken() {
    assertThatThrownBy(() -> SimConfig.parseMix("s19xp:60,s21:lots")).hasMessageContaining("'s21:lots'");
    assertThatThrownBy(() -> SimConfig.parseMix("s19xp:60,,s21")).hasMessageContaining("empty entry");
  }

  @Test
  void minersThatDoNotFitTheRange_areRejectedNamingBoth() {
    assertThatThrownBy(() -> SimConfig.of(300, "127.1.0.0/24", "s19xp:1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("300").hasMessageContaining("127.1.0.0/24");
  }

  @Test
  void unknownModel_isRejectedListingKnownOnes() {
    assertThatThrownBy(() -> SimConfig.of(10, "127.1.0.0/24", "s99:1")).hasMessageContaining("'s99'").hasMessageContaining("s19xp");
  }

  @Test
  void sameSeed_givesSameFleet() {
    SimConfig c = SimConfig.of(500, "127.2.0.0/16", "s19xp:60,s21:30,m50s:10").withPort(0).withFaultPct(10);
    List<VirtualMinerView> a, b;
    try (SimFleet f = SimFleet.start(c)) {
      a = List.copyOf(f.miners()).stream().map(v -> new VirtualMinerView(v.index(), v.ip(), 0, v.modelId(), v.make(), v.modelName(),
          v.dialect(), v.firmwareVersion(), v.mac(), v.avgThs(), v.fault(), v.powerState(), 0)).toList();
    }
    try (SimFleet f = SimFleet.start(c)) {
      b = f.miners().stream().map(v -> new VirtualMinerView(v.index(), v.ip(), 0, v.modelId(), v.make(), v.modelName(),
          v.dialect(), v.firmwareVersion(), v.mac(), v.avgThs(), v.fault(), v.powerState(), 0)).toList();
    }
    assertThat(a).isEqualTo(b);
    long faulty = a.stream().filter(v -> v.fault() != null).count();
    assertThat(faulty).isBetween(25L, 80L);
    assertThat(a.get(0).ip()).isEqualTo("127.2.0.0");
    assertThat(a.get(499).ip()).isEqualTo(Cidr.parse("127.2.1.243").first());
  }
}
