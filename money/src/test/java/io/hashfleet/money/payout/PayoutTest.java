package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayoutTest {
  static final Instant AT = Instant.parse("2024-12-01T00:12:00Z");

  @Test
  void payout_keepsItsFieldsWithSpacesTrimmedAndBlankPoolAsUnknown() {
    Payout payout = new Payout(" tx-1 ", AT, Btc.parse("0.05"), "  ");
    assertThat(payout.id()).isEqualTo("tx-1");
    assertThat(payout.pool()).isNull();
    assertThat(payout.amount().sats()).isEqualTo(5_000_000L);
  }

  @Test
  void payout_refusesBlankIdAndAmountsThatAreNotPositive() {
    assertThatThrownBy(() -> new Payout(" ", AT, Btc.parse("0.05"), "pool")).hasMessage("payout id must not be blank");
    assertThatThrownBy(() -> new Payout("tx-2", AT, Btc.ZERO, "pool")).hasMessage("payout tx-2 amount must be positive, got 0.00000000 BTC");
    assertThatThrownBy(() -> new Payout("tx-3", AT, Btc.parse("-0.1"), "pool")).hasMessageContaining("-0.10000000");
  }
}
