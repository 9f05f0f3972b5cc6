package io.hashfleet.money.report;

import static io.hashfleet.money.report.MonthlyReportTest.address;
import static io.hashfleet.money.report.MonthlyReportTest.identity;
import static io.hashfleet.money.report.MonthlyReportTest.telemetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.treasury.DailyPrice;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hosted fleet on December 10, 2024: northwind owns four S19 XPs at dallas and one at odessa,
 * bluepeak six at dallas (one never answers), and two at austin belong to no owner. Every answering
 * machine hashes 100 TH/s at 3,000 W for the whole day, so each owner's figures are checkable by hand.
 */
class OwnerReportTest {
  static final Instant DEC_10 = Instant.parse("2024-12-10T00:00:00Z");
  static final Instant DEC_11 = Instant.parse("2024-12-11T00:00:00Z");
  static final YearMonth DECEMBER = YearMonth.of(2024, 12);
  static FleetStore store;

  @BeforeAll
  static void hostedFleetReportsForOneDay() {
    store = FleetStore.inMemory();
    List<FleetMiner> miners = new ArrayList<>();
    List<String[]> owners = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      String site = i <= 4 || (i >= 6 && i <= 11) ? "dallas" : i == 5 ? "odessa" : "austin";
      miners.add(new FleetMiner(address(i), identity(), new MinerLocation(site, "r1", i)));
      if (i <= 5) owners.add(new String[] {address(i).toString(), "northwind"});
      else if (i <= 11) owners.add(new String[] {address(i).toString(), "bluepeak"});
    }
    store.upsertMiners(miners);
    store.write("owners", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO miner_owners VALUES (?, ?)")) {
        for (String[] o : owners) {
          p.setString(1, o[0]);
          p.setString(2, o[1]);
          p.executeUpdate();
        }
      }
      return null;
    });
    List<MinerSample> batch = new ArrayList<>();
    for (Instant t = DEC_10; t.isBefore(DEC_11); t = t.plusSeconds(60)) {
      for (int i = 1; i <= 13; i++) {
        batch.add(i == 11 ? new MinerSample(address(i), t, null, HealthState.OFFLINE, "connect timed out")
            : new MinerSample(address(i), t, telemetry(address(i), t), HealthState.OK, null));
      }
    }
    store.appendSamples(batch);
    store.rollUp(DEC_11);
    new PayoutStore(store).importAll(List.of(new Payout("p1", Instant.parse("2024-12-11T01:00:00Z"), Btc.parse("0.004"), "pool")), "test");
    // bluepeak keeps books of its own in the same store (V9); the untenanted p1 is the default books'
    var bluepeak = io.hashfleet.money.treasury.Books.of("bluepeak", false);
    new PayoutStore(store, bluepeak).importAll(List.of(new Payout("bp1", Instant.parse("2024-12-11T02:00:00Z"), Btc.parse("0.003"), "pool")), "test");
    new TreasuryStore(store).savePrices(List.of(new DailyPrice(LocalDate.of(2024, 12, 1), new BigDecimal("95000"))));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static MonthlyReportBuilder builder() {
    return new MonthlyReportBuilder(store, ChainHistory.bundled(), ModelCatalog.bundled()).fees(new FeeAssumption.PerBlock(Btc.parse("0.05")));
  }

  @Test
  void an_owners_report_counts_only_its_miners_and_their_hashrate() {
    MonthlyReport nw = builder().owner("northwind").build(DECEMBER);
    assertThat(nw.minersDeployed()).isEqualTo(5);
    assertThat(nw.deployed().ths()).isCloseTo(5 * 140.0, within(1e-6));
    // 5 × 100 TH/s for 1 of 31 days; bluepeak's 500 TH/s and austin's 200 TH/s are not in it.
    assertThat(nw.averageOperating().ths()).isCloseTo(500.0 / 31, within(0.01));
    assertThat(nw.days().get(9).operating().ths()).isCloseTo(500.0, within(1e-6));
    assertThat(nw.uptimePct()).isCloseTo(100.0, within(1e-9)); // bluepeak's silent machine is not northwind's
    assertThat(nw.energyMwh()).isEqualByComparingTo("0.360"); // 5 × 3 kW × 24 h
    assertThat(nw.sites()).extracting(MonthlyReport.SiteLine::site, MonthlyReport.SiteLine::miners)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dallas", 4L), org.assertj.core.groups.Tuple.tuple("odessa", 1L));
    // dallas is shared: northwind's part of it is its four machines, not the site's ten.
    assertThat(nw.sites().get(0).averageOperating().ths()).isCloseTo(400.0 / 31, within(0.01));
    assertThat(nw.sites().get(0).energyMwh()).isEqualByComparingTo("0.288");

    MonthlyReport bp = builder().owner("bluepeak").build(DECEMBER);
    assertThat(bp.minersDeployed()).isEqualTo(6);
    assertThat(bp.averageOperating().ths()).isCloseTo(500.0 / 31, within(0.01));
    assertThat(bp.uptimePct()).isCloseTo(100.0 * 5 / 6, within(1e-9));
    assertThat(bp.sites()).extracting(MonthlyReport.SiteLine::site).containsExactly("dallas");
  }

  @Test
  void the_fleet_report_still_counts_every_miner_owned_or_not() {
    MonthlyReport fleet = builder().build(DECEMBER);
    assertThat(fleet.minersDeployed()).isEqualTo(13);
    assertThat(fleet.averageOperating().ths()).isCloseTo(1200.0 / 31, within(0.01));
    assertThat(fleet.sites()).extracting(MonthlyReport.SiteLine::site).containsExactly("austin", "dallas", "odessa");
    assertThat(fleet.actualBtc()).isEqualTo(Btc.parse("0.004"));
    assertThat(fleet.holdings()).isEqualTo(Btc.parse("0.004"));
  }

  @Test
  void an_owners_report_reads_its_own_books_and_the_books_tenant_the_default_ones_too() {
    MonthlyReport bp = builder().owner("bluepeak").build(DECEMBER);
    assertThat(bp.actualBtc()).isEqualTo(Btc.parse("0.003"));
    assertThat(bp.holdings()).isEqualTo(Btc.parse("0.003"));
    assertThat(bp.holdingsValueUsd()).isEqualByComparingTo("285.00");
    MonthlyReport nw = builder().owner("northwind").books(io.hashfleet.money.treasury.Books.of("northwind", true)).build(DECEMBER);
    assertThat(nw.actualBtc()).as("the default books' p1, never bluepeak's bp1").isEqualTo(Btc.parse("0.004"));
    assertThat(nw.holdings()).isEqualTo(Btc.parse("0.004"));
    MonthlyReport notKept = builder().owner("northwind").build(DECEMBER);
    assertThat(notKept.actualBtc()).as("northwind named without being the books tenant: no rows of its own").isNull();
  }

  @Test
  void without_books_payouts_and_holdings_are_left_out_and_a_note_says_why() {
    MonthlyReport r = builder().owner("bluepeak").withoutBooks("not your books").build(DECEMBER);
    assertThat(r.actualBtc()).isNull();
    assertThat(r.shortfallPct()).isNull();
    assertThat(r.holdings()).isNull();
    assertThat(r.holdingsValueUsd()).isNull();
    assertThat(r.days()).allSatisfy(d -> assertThat(d.actual()).isNull());
    assertThat(r.notes()).contains("not your books");
    assertThat(r.usdPerBtc()).as("the market price is not the books").isEqualByComparingTo("95000");
    assertThat(ReportFiles.json(r)).containsEntry("holdings_btc", null);
    assertThat(MarkdownReport.render(r, "h.png", "p.png")).contains("| BTC held at month end | n/a |");
  }

  @Test
  void a_month_in_progress_is_reported_up_to_the_given_instant() {
    MonthlyReport r = builder().owner("northwind").asOf(DEC_11).build(DECEMBER);
    assertThat(r.days()).hasSize(10);
    assertThat(r.averageOperating().ths()).isCloseTo(500.0 / 10, within(0.01));
    assertThat(r.notes()).anyMatch(n -> n.contains("is not over"));
    assertThatThrownBy(() -> builder().asOf(DEC_11).build(YearMonth.of(2025, 1))).hasMessageContaining("has not started");
  }

  @Test
  void cut_in_the_middle_of_an_hour_sites_and_energy_count_only_the_part_that_passed() {
    MonthlyReport r = builder().owner("northwind").asOf(Instant.parse("2024-12-10T12:30:00Z")).build(DECEMBER);
    assertThat(r.energyMwh()).isEqualByComparingTo("0.188"); // 5 × 3 kW × 12.5 h = 0.1875
    Hashrate sites = r.sites().stream().map(MonthlyReport.SiteLine::averageOperating).reduce(Hashrate.ZERO, Hashrate::plus);
    assertThat(sites.ths()).isCloseTo(r.averageOperating().ths(), within(0.01));
    assertThat(r.sites().get(0).averageOperating().ths()).isCloseTo(r.averageOperating().ths() * 4 / 5, within(0.01));
  }
}
