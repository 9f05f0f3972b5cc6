package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {
  static final Instant AT = Instant.parse("2024-12-01T00:00:00Z");
  static final Btc ONE = Btc.parse("1");

  @Test
  void entries_refuseAmountsThatAreNotPositive() {
    assertThatThrownBy(() -> new Receipt("r-1", AT, Btc.ZERO, "Foundry")).hasMessage("receipt r-1 amount must be positive, got 0.00000000 BTC");
    assertThatThrownBy(() -> new Sale("s-1", AT, Btc.ofSats(-1), BigDecimal.TEN)).hasMessageContaining("sale s-1 amount must be positive");
    assertThatThrownBy(() -> new Transfer("t-1", AT, Btc.ZERO, "cold", Btc.ZERO)).hasMessageContaining("transfer t-1 amount");
    assertThatThrownBy(() -> new Fee("f-1", AT, Btc.ZERO, "")).hasMessageContaining("fee f-1 amount");
  }

  @Test
  void sale_needsPositiveProceedsAndANonNegativeFee() {
    assertThatThrownBy(() -> new Sale("s-1", AT, ONE, BigDecimal.ZERO)).hasMessage("sale s-1 USD proceeds must be positive, got 0");
    assertThatThrownBy(() -> new Sale("s-1", AT, ONE, BigDecimal.TEN, Btc.ofSats(-1)))
        .hasMessage("sale s-1 network fee must not be negative, got -0.00000001 BTC");
    assertThat(new Sale("s-1", AT, ONE, BigDecimal.TEN, null).networkFee()).isEqualTo(Btc.ZERO);
  }

  @Test
  void entries_needAnIdATimeAndTheirTextFields() {
    assertThatThrownBy(() -> new Fee(" ", AT, ONE, "")).hasMessage("fee id must not be blank");
    assertThatThrownBy(() -> new Fee("f-1", null, ONE, "")).hasMessage("fee f-1 needs a time");
    assertThatThrownBy(() -> new Receipt("r-1", AT, ONE, "")).hasMessage("receipt r-1 needs a source");
    assertThatThrownBy(() -> new Transfer("t-1", AT, ONE, null, null)).hasMessage("transfer t-1 needs a destination");
  }

  @Test
  void amountsBeyondEveryBitcoinThatCanExist_areRefusedBeforeTheyCanOverflowASum() {
    Btc tooMuch = LedgerEntry.MAX_SUPPLY.plus(Btc.ofSats(1));
    assertThatThrownBy(() -> new Receipt("r-1", AT, tooMuch, "Foundry"))
        .hasMessage("receipt r-1 amount 21000000.00000001 BTC is more than the 21000000 BTC that can ever exist");
    assertThatThrownBy(() -> new Transfer("t-1", AT, ONE, "cold", Btc.ofSats(Long.MAX_VALUE))).hasMessageContaining("transfer t-1 fee");
  }

  @Test
  void change_isWhatTheEntryDoesToHoldings() {
    assertThat(new Receipt("r", AT, ONE, "Foundry").change()).isEqualTo(ONE);
    assertThat(new Sale("s", AT, ONE, BigDecimal.TEN, Btc.ofSats(500)).change()).isEqualTo(Btc.ofSats(-100_000_500));
    assertThat(new Transfer("t", AT, ONE, "cold", Btc.ofSats(7)).change()).isEqualTo(Btc.ofSats(-100_000_007));
    assertThat(new Fee("f", AT, ONE, null).change()).isEqualTo(ONE.negate());
  }
}
