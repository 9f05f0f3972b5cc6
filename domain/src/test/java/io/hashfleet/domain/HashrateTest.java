package io.hashfleet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashrateTest {
  @Test
  void a_fleet_of_fifty_exahash_sums_exactly() {
    Hashrate one = Hashrate.ofThs(140.0);
    Hashrate fleet = Hashrate.ZERO;
    for (int i = 0; i < 357_143; i++) fleet = fleet.plus(one);
    assertThat(fleet.mhs()).isEqualTo(140_000_000L * 357_143);
    assertThat(fleet.ehs()).isBetween(49.99, 50.01);
    assertThat(fleet.toString()).isEqualTo("50.00 EH/s");
  }

  @Test
  void firmware_units_convert_and_garbage_becomes_zero() {
    assertThat(Hashrate.ofGhs(140_123.45).ths()).isEqualTo(140.12345);
    assertThat(Hashrate.ofMhs(104_000_000).ths()).isEqualTo(104.0);
    assertThat(Hashrate.ofGhs(Double.NaN)).isEqualTo(Hashrate.ZERO);
    assertThat(Hashrate.ofGhs(Double.POSITIVE_INFINITY)).isEqualTo(Hashrate.ZERO);
  }

  @Test
  void hashrates_parse_as_people_write_them() {
    assertThat(Hashrate.parse("30.4EH/s")).isEqualTo(new Hashrate(30_400_000_000_000L));
    assertThat(Hashrate.parse("140 TH/s")).isEqualTo(Hashrate.ofThs(140));
    assertThat(Hashrate.parse("2.5ph")).isEqualTo(Hashrate.ofPhs(2.5));
    assertThat(Hashrate.parse("50 eh/s").ehs()).isEqualTo(50.0);
    assertThatThrownBy(() -> Hashrate.parse("30.4")).hasMessageContaining("not a hashrate: '30.4'");
    assertThatThrownBy(() -> Hashrate.parse("-1TH/s")).hasMessageContaining("not a hashrate");
    assertThatThrownBy(() -> Hashrate.parse("0.0000001TH/s")).hasMessageContaining("finer than 1 MH/s");
  }
}
