package io.hashfleet.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
}
