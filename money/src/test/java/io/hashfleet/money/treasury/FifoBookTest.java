package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FifoBookTest {
  static final Instant AT = Instant.parse("2024-12-01T00:00:00Z");

  @Test
  void lotSplitBySatoshis_carriesTheRoundingSoNoCentIsLost() {
    Lot lot = new Lot("r-1", AT, Btc.ofSats(3), new BigDecimal("0.01"));
    BigDecimal taken = BigDecimal.ZERO;
    for (int i = 0; i < 3; i++) {
      BigDecimal part = lot.basisOf(1);
      taken = taken.add(part);
      if (i < 2) lot = lot.less(1, part);
    }
    assertThat(taken).isEqualByComparingTo("0.01");
  }

  @Test
  void lot_refusesToGiveMoreThanItHolds() {
    Lot lot = new Lot("r-1", AT, Btc.ofSats(3), BigDecimal.ONE);
    assertThatThrownBy(() -> lot.basisOf(4)).hasMessage("cannot take 4 sat from lot r-1 of 3 sat");
    assertThatThrownBy(() -> lot.basisOf(0)).hasMessage("cannot take 0 sat from lot r-1 of 3 sat");
  }

  @Test
  void receipt_opensALotAtItsFairValue() {
    FifoBook book = new FifoBook();
    book.receive(new Receipt("r-1", AT, Btc.parse("0.25"), "Foundry"), new BigDecimal("97123.45"));
    assertThat(book.openLots()).singleElement().satisfies(lot -> assertThat(lot.basis()).isEqualByComparingTo("24280.8625"));
    assertThat(book.receivedBasis()).isEqualByComparingTo("24280.8625");
  }

  @Test
  void outflowBeyondTheLots_isRefusedAndTheBookIsUnchanged() {
    FifoBook book = new FifoBook();
    book.receive(new Receipt("r-1", AT, Btc.parse("1"), "Foundry"), new BigDecimal("50000"));
    assertThatThrownBy(() -> book.dispose(new Fee("f-1", AT, Btc.parse("1.1"), "")))
        .hasMessage("fee f-1 of 1.10000000 BTC needs 1.10000000 BTC but the lots hold 1.00000000 BTC");
    assertThatThrownBy(() -> book.dispose(new Receipt("r-2", AT, Btc.parse("1"), "Foundry"))).hasMessageContaining("opens a lot");
    assertThat(book.held()).isEqualTo(Btc.parse("1"));
    assertThat(book.disposals()).isEmpty();
  }

  @Test
  void outflowSpanningSeveralLots_takesWholeOldLotsAndPartOfTheNext() {
    FifoBook book = new FifoBook();
    book.receive(new Receipt("r-1", AT, Btc.ofSats(100), "Foundry"), new BigDecimal("1000000"));
    book.receive(new Receipt("r-2", AT, Btc.ofSats(100), "Foundry"), new BigDecimal("2000000"));
    book.receive(new Receipt("r-3", AT, Btc.ofSats(100), "Foundry"), new BigDecimal("4000000"));
    Disposal d = book.dispose(new Sale("s-1", AT, Btc.ofSats(250), new BigDecimal("10")));
    assertThat(d.basis()).isEqualByComparingTo("5"); // 1 + 2 + half of 4
    assertThat(book.openLots()).singleElement().satisfies(lot -> {
      assertThat(lot.receiptId()).isEqualTo("r-3");
      assertThat(lot.amount()).isEqualTo(Btc.ofSats(50));
      assertThat(lot.basis()).isEqualByComparingTo("2");
    });
    assertThat(book.disposedBasis().add(book.openBasis())).isEqualByComparingTo(book.receivedBasis());
  }
}
