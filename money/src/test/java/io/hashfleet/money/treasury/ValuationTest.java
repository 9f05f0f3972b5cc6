package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {
  static final LocalDate DEC_1 = LocalDate.parse("2024-12-01");
  static final PriceSeries PRICES = PriceSeries.of(Map.of(
      DEC_1, new BigDecimal("50000"), DEC_1.plusDays(1), new BigDecimal("60000"), DEC_1.plusDays(2), new BigDecimal("70000")));

  static Instant noonOf(int day) {
    return DEC_1.plusDays(day - 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  static Btc btc(String amount) {
    return Btc.parse(amount);
  }

  static Ledger twoReceiptsThenASale() {
    return Ledger.of(List.of(
        new Receipt("r-1", noonOf(1), btc("1"), "Foundry"),
        new Receipt("r-2", noonOf(2), btc("1"), "Foundry"),
        new Sale("s-1", noonOf(3), btc("1.5"), new BigDecimal("105000.00"))));
  }

  @Test
  void sale_consumesTheOldestLotsFirstAndRealisesProceedsLessTheirBasis() {
    Valuation v = Valuation.of(twoReceiptsThenASale(), PRICES, DEC_1.plusDays(2));
    assertThat(v.holdings()).isEqualTo(btc("0.5"));
    assertThat(v.usdPerBtc()).isEqualByComparingTo("70000");
    assertThat(v.marketValue()).isEqualTo(new BigDecimal("35000.00"));
    assertThat(v.proceeds()).isEqualTo(new BigDecimal("105000.00"));
    assertThat(v.realisedPnl()).isEqualTo(new BigDecimal("25000.00")); // 105000 - (50000 + half of 60000)
    assertThat(v.costBasis()).isEqualTo(new BigDecimal("30000.00"));
    assertThat(v.unrealisedPnl()).isEqualTo(new BigDecimal("5000.00"));
    assertThat(v.openLots()).singleElement().satisfies(lot -> {
      assertThat(lot.receiptId()).isEqualTo("r-2");
      assertThat(lot.amount()).isEqualTo(btc("0.5"));
    });
  }

  @Test
  void valuationOnAnEarlierDay_leavesOutLaterEntries() {
    Valuation v = Valuation.of(twoReceiptsThenASale(), PRICES, DEC_1.plusDays(1));
    assertThat(v.holdings()).isEqualTo(btc("2"));
    assertThat(v.marketValue()).isEqualTo(new BigDecimal("120000.00"));
    assertThat(v.costBasis()).isEqualTo(new BigDecimal("110000.00"));
    assertThat(v.unrealisedPnl()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(v.realisedPnl()).isEqualTo(new BigDecimal("0.00"));
    assertThat(v.disposals()).isEmpty();
  }

  @Test
  void valuationAfterTheLastClose_usesTheLastClose() {
    Valuation v = Valuation.of(twoReceiptsThenASale(), PRICES, DEC_1.plusDays(30));
    assertThat(v.usdPerBtc()).isEqualByComparingTo("70000");
    assertThat(v.marketValue()).isEqualTo(new BigDecimal("35000.00"));
  }

  @Test
  void transfersAndFees_leaveAtTheirBasisAsARealisedLossWithNoProceeds() {
    Ledger ledger = Ledger.of(List.of(
        new Receipt("r-1", noonOf(1), btc("1"), "Foundry"),
        new Transfer("t-1", noonOf(2), btc("0.4"), "hosting invoice 118", btc("0.0001")),
        new Fee("f-1", noonOf(2), btc("0.1"), "consolidation")));
    Valuation v = Valuation.of(ledger, PRICES, DEC_1.plusDays(1));
    assertThat(v.disposals()).extracting(Disposal::entryId, Disposal::amount, Disposal::proceeds)
        .containsExactly(
            tuple("t-1", btc("0.4001"), BigDecimal.ZERO),
            tuple("f-1", btc("0.1"), BigDecimal.ZERO));
    assertThat(v.realisedPnl()).isEqualTo(new BigDecimal("-25005.00")); // 0.5001 BTC at 50000
    assertThat(v.holdings()).isEqualTo(btc("0.4999"));
    assertThat(v.costBasis()).isEqualTo(new BigDecimal("24995.00"));
  }

  @Test
  void saleNetworkFee_isPartOfWhatTheSaleDisposesOf() {
    Ledger ledger = Ledger.of(List.of(
        new Receipt("r-1", noonOf(1), btc("1"), "Foundry"),
        new Sale("s-1", noonOf(3), btc("0.5"), new BigDecimal("35000"), btc("0.001"))));
    Disposal sale = Valuation.of(ledger, PRICES, DEC_1.plusDays(2)).disposals().getFirst();
    assertThat(sale.amount()).isEqualTo(btc("0.501"));
    assertThat(sale.basis()).isEqualByComparingTo("25050");
    assertThat(sale.gain()).isEqualByComparingTo("9950");
  }

  @Test
  void dollarsAreRoundedToCentsHalfEvenOnlyOnceAtTheEnd() {
    PriceSeries cheap = PriceSeries.of(Map.of(DEC_1, new BigDecimal("500")));
    // Each receipt's basis is half a cent; rounding per lot would lose the cent the two make together.
    Ledger ledger = Ledger.of(List.of(
        new Receipt("r-1", noonOf(1), Btc.ofSats(1000), "Foundry"),
        new Receipt("r-2", noonOf(1), Btc.ofSats(1000), "Foundry")));
    assertThat(Valuation.of(ledger, cheap, DEC_1).costBasis()).isEqualTo(new BigDecimal("0.01"));

    Ledger halfCent = Ledger.of(List.of(new Receipt("r-1", noonOf(1), Btc.ofSats(1000), "Foundry")));
    Ledger oneAndAHalfCents = Ledger.of(List.of(new Receipt("r-1", noonOf(1), Btc.ofSats(3000), "Foundry")));
    assertThat(Valuation.of(halfCent, cheap, DEC_1).marketValue()).isEqualTo(new BigDecimal("0.00"));
    assertThat(Valuation.of(oneAndAHalfCents, cheap, DEC_1).marketValue()).isEqualTo(new BigDecimal("0.02"));
  }

  @Test
  void receiptBeforeTheFirstPrice_hasNoFairValueAndTheErrorNamesIt() {
    Ledger ledger = Ledger.of(List.of(new Receipt("r-0", DEC_1.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), btc("1"), "Foundry")));
    assertThatThrownBy(() -> Valuation.of(ledger, PRICES, DEC_1))
        .hasMessage("receipt r-0 of 1.00000000 BTC on 2024-11-30 has no fair value: no USD price on or before 2024-11-30;"
            + " the price series starts 2024-12-01");
  }
}
