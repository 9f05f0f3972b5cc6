package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.payout.Payout;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
  static Instant day(int d) {
    return Instant.parse("2024-12-01T00:00:00Z").plusSeconds((d - 1) * 86_400L);
  }

  static Btc btc(String amount) {
    return Btc.parse(amount);
  }

  @Test
  void balance_followsEveryKindOfEntryIncludingTheirFees() {
    Ledger ledger = new Ledger();
    ledger.append(new Receipt("r-1", day(1), btc("3.2"), "Foundry"));
    ledger.append(new Sale("s-1", day(2), btc("1"), new BigDecimal("97000.00"), btc("0.0001")));
    ledger.append(new Transfer("t-1", day(3), btc("0.5"), "hosting invoice 118", btc("0.00002")));
    ledger.append(new Fee("f-1", day(4), btc("0.00005"), "consolidation"));
    assertThat(ledger.balance()).isEqualTo(btc("1.69983"));
    assertThat(ledger.entries()).extracting(LedgerEntry::id).containsExactly("r-1", "s-1", "t-1", "f-1");
  }

  @Test
  void saleBeyondHoldings_isRefusedNamingTheSaleAndTheMissingAmount() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-1", day(1), btc("3.2"), "Foundry")));
    Sale sale = new Sale("s-12", day(3), btc("5"), new BigDecimal("480000"));
    assertThatThrownBy(() -> ledger.append(sale))
        .isInstanceOfSatisfying(LedgerException.class, e -> {
          assertThat(e.shortfall()).isEqualTo(btc("1.8"));
          assertThat(e.entry()).isEqualTo(sale);
        })
        .hasMessage("sale s-12 of 5.00000000 BTC at 2024-12-03T00:00:00Z exceeds holdings 3.20000000 BTC; 1.80000000 BTC short");
  }

  @Test
  void feeOnTopOfAnAffordableAmount_canStillOverdrawAndIsCountedInTheShortfall() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-1", day(1), btc("1"), "Foundry")));
    assertThatThrownBy(() -> ledger.append(new Transfer("t-1", day(2), btc("1"), "cold storage", btc("0.0001"))))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.shortfall()).isEqualTo(btc("0.0001")))
        .hasMessageContaining("transfer t-1 of 1.00000000 BTC to cold storage plus fee 0.00010000 BTC");
  }

  @Test
  void entryEarlierThanTheLast_isRefusedNamingBothEntries() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-2", day(2), btc("1"), "Foundry")));
    assertThatThrownBy(() -> ledger.append(new Receipt("r-1", day(1), btc("1"), "Foundry")))
        .isInstanceOf(LedgerException.class)
        .hasMessage("receipt r-1 of 1.00000000 BTC at 2024-12-01T00:00:00Z is earlier than the last entry r-2"
            + " at 2024-12-02T00:00:00Z; entries must be appended in time order");
  }

  @Test
  void entriesAtTheSameInstant_areInOrder() {
    Ledger ledger = new Ledger();
    ledger.append(new Receipt("r-1", day(1), btc("1"), "Foundry"));
    ledger.append(new Sale("s-1", day(1), btc("1"), new BigDecimal("97000")));
    assertThat(ledger.balance()).isEqualTo(Btc.ZERO);
  }

  @Test
  void reusedId_isRefusedWhateverTheKindOfEntry() {
    Ledger ledger = Ledger.of(List.of(new Receipt("x-1", day(1), btc("1"), "Foundry")));
    assertThatThrownBy(() -> ledger.append(new Fee("x-1", day(2), btc("0.1"), "")))
        .isInstanceOf(LedgerException.class)
        .hasMessage("fee x-1 of 0.10000000 BTC reuses id x-1, which is already in the ledger");
    assertThat(ledger.contains("x-1")).isTrue();
  }

  @Test
  void samePoolPayoutBookedTwice_isRefused() {
    Payout payout = new Payout("tx-9", day(1), btc("0.3"), "Luxor");
    Ledger ledger = new Ledger();
    ledger.append(Receipt.of(payout));
    assertThat(ledger.entries()).singleElement()
        .isEqualTo(new Receipt("payout:tx-9", day(1), btc("0.3"), "Luxor", "tx-9"));
    assertThatThrownBy(() -> ledger.append(Receipt.of(payout))).hasMessageContaining("reuses id payout:tx-9");
  }

  @Test
  void refusedEntry_leavesBalanceAndEntriesAsTheyWere() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-1", day(2), btc("1"), "Foundry")));
    List<LedgerEntry> before = List.copyOf(ledger.entries());
    for (LedgerEntry bad : List.<LedgerEntry>of(
        new Sale("s-1", day(3), btc("2"), BigDecimal.ONE),
        new Fee("f-1", day(1), btc("0.1"), "late"),
        new Receipt("r-1", day(3), btc("1"), "again"))) {
      assertThatThrownBy(() -> ledger.append(bad)).isInstanceOf(LedgerException.class);
    }
    assertThat(ledger.entries()).isEqualTo(before);
    assertThat(ledger.balance()).isEqualTo(btc("1"));
    assertThat(ledger.contains("s-1")).isFalse();
  }

  @Test
  void holdingsAt_countsEntriesAtOrBeforeTheInstant() {
    Ledger ledger = Ledger.of(List.of(
        new Receipt("r-1", day(1), btc("2"), "Foundry"),
        new Receipt("r-2", day(3), btc("1"), "Foundry"),
        new Sale("s-1", day(3), btc("0.5"), new BigDecimal("48000")),
        new Fee("f-1", day(5), btc("0.25"), "")));
    assertThat(ledger.holdingsAt(day(1).minusNanos(1))).isEqualTo(Btc.ZERO);
    assertThat(ledger.holdingsAt(day(1))).isEqualTo(btc("2"));
    assertThat(ledger.holdingsAt(day(2))).isEqualTo(btc("2"));
    assertThat(ledger.holdingsAt(day(3))).isEqualTo(btc("2.5"));
    assertThat(ledger.holdingsAt(day(9))).isEqualTo(btc("2.25")).isEqualTo(ledger.balance());
    assertThat(ledger.entriesUntil(day(4))).extracting(LedgerEntry::id).containsExactly("r-1", "r-2", "s-1");
  }

  @Test
  void entries_cannotBeChangedFromOutside() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-1", day(1), btc("1"), "Foundry")));
    assertThatThrownBy(() -> ledger.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ledger.entries().add(new Fee("f", day(2), btc("1"), ""))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void holdingsBeyondEveryBitcoinThatCanExist_areRefused() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-1", day(1), btc("20000000"), "Foundry")));
    assertThatThrownBy(() -> ledger.append(new Receipt("r-2", day(2), btc("1000000.00000001"), "Foundry")))
        .hasMessageContaining("would bring holdings to 21000000.00000001 BTC, more than the 21000000 BTC that can ever exist");
    ledger.append(new Receipt("r-3", day(2), btc("1000000"), "Foundry"));
    assertThat(ledger.balance()).isEqualTo(LedgerEntry.MAX_SUPPLY);
  }

  @Test
  void growingPastItsInitialCapacity_keepsEveryPastBalance() {
    Ledger ledger = new Ledger();
    for (int i = 1; i <= 100; i++) ledger.append(new Receipt("r-" + i, day(i), Btc.ofSats(i), "Foundry"));
    assertThat(ledger.balance()).isEqualTo(Btc.ofSats(5050));
    assertThat(ledger.holdingsAt(day(10))).isEqualTo(Btc.ofSats(55));
  }
}
