package io.hashfleet.money.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.csv.ImportException;
import io.hashfleet.money.csv.ImportResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CostTest {
  @Test
  void theOwnersTranchesCost8DollarsPerTh() {
    var t = Tranches.parse("tranches.csv", """
        tranche,date,hashrate,price_usd,paid_in
        cash,2024-10-01,32EH/s,256000000,cash
        stock,2024-10-01,18EH/s,144000000,stock
        """).orThrow();
    assertThat(t).extracting(AcquisitionTranche::usdPerTh).containsOnly(new BigDecimal("8.00"));
    assertThat(t.get(1).payment()).isEqualTo(AcquisitionTranche.Payment.STOCK);
  }

  @Test
  void badTrancheRowsAreNamedByLineAndNothingIsImported() {
    ImportResult<AcquisitionTranche> r = Tranches.parse("tranches.csv", """
        tranche,date,hashrate,price_usd,paid_in
        cash,2024-10-01,32EH/s,256000000,cash
        stock,2024-13-01,18EH/s,144000000,stock
        more,2024-11-01,1EH/s,-5,cash
        cash,2024-11-01,1EH/s,5,bonds
        """);
    assertThat(r.rows()).isEmpty();
    assertThat(r.errors()).extracting(Object::toString).containsExactly(
        "tranches.csv:3: bad date '2024-13-01' in date",
        "tranches.csv:4: negative amount -5 in price_usd",
        "tranches.csv:5: paid_in must be cash or stock, got 'bonds'");
  }

  @Test
  void breakevenMatchesThePublishedExample() {
    // hashprice $39.53/PH/day: about $97/MWh at 17 J/TH, $75 at 22 J/TH, $52 at 31.5 J/TH
    BigDecimal hp = new BigDecimal("39.53");
    assertThat(Breakeven.usdPerMwh(hp, 17)).isEqualByComparingTo("96.89");
    assertThat(Breakeven.usdPerMwh(hp, 22)).isEqualByComparingTo("74.87");
    assertThat(Breakeven.usdPerMwh(hp, 31.5)).isEqualByComparingTo("52.29");
  }

  @Test
  void hostingBillsAtLeastTheMinimumTakeAndChecksTheSla() {
    HostingContracts contracts = new HostingContracts(HostingContracts.parse("hosting.csv", """
        operator,site,pricing,usd_per_kwh,fee_usd_per_kwh,uptime_sla_pct,minimum_take_kw
        HostCo,dallas,power+fee,0.045,0.031,95,1000
        HostCo,*,all-in,0.076,,,
        """).orThrow());
    HostingContract dallas = contracts.forSite("dallas").orElseThrow();
    assertThat(dallas.rate().usdPerKwh()).isEqualByComparingTo("0.076");
    // drew 500 kW for 24 h, billed at the 1,000 kW minimum
    HostingBill bill = HostingBill.of("dallas", dallas, new BigDecimal("12000"), new BigDecimal("24"), 93.5);
    assertThat(bill.billedKwh()).isEqualByComparingTo("24000");
    assertThat(bill.costUsd()).isEqualByComparingTo("1824.00");
    assertThat(bill.slaMet()).isFalse();
    HostingBill odessa = HostingBill.of("odessa", contracts.forSite("odessa").orElseThrow(), new BigDecimal("1000.5"), new BigDecimal("24"), 99.0);
    assertThat(odessa.costUsd()).isEqualByComparingTo("76.04");
    assertThat(odessa.slaMet()).isNull();
  }

  @Test
  void aSecondContractForOneSiteIsAnError() {
    assertThatThrownBy(() -> HostingContracts.parse("hosting.csv", """
        operator,site,pricing,usd_per_kwh
        A,dallas,all-in,0.07
        B,dallas,all-in,0.08
        """).orThrow()).isInstanceOf(ImportException.class).hasMessageContaining("hosting.csv:3: a second contract for site 'dallas' (first on line 2)");
  }

  @Test
  void aTranchePaysBackOnTheDayItsEarningsReachItsPrice() {
    AcquisitionTranche t = new AcquisitionTranche("t", LocalDate.of(2025, 1, 1), Hashrate.ofThs(100), new BigDecimal("800"), AcquisitionTranche.Payment.CASH);
    TreeMap<LocalDate, BigDecimal> net = new TreeMap<>();
    for (int d = 0; d < 200; d++) net.put(LocalDate.of(2025, 1, 1).plusDays(d), new BigDecimal("0.05")); // $5/day for 100 TH
    TrancheReturn r = TrancheReturn.of(t, net, LocalDate.of(2025, 1, 31));
    assertThat(r.netEarnedUsd()).isEqualByComparingTo("155.00");
    assertThat(r.roiPct()).isEqualByComparingTo("19.38");
    assertThat(r.paybackDate()).isNull();
    assertThat(r.projectedPaybackDays()).isEqualTo(129L); // (800 - 155) / 5
    TrancheReturn later = TrancheReturn.of(t, net, LocalDate.of(2025, 7, 1));
    assertThat(later.paybackDate()).isEqualTo(LocalDate.of(2025, 1, 1).plusDays(159));
  }
}
