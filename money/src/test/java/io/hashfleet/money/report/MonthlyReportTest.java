package io.hashfleet.money.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.domain.PoolReading;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.cost.HostingContracts;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.treasury.DailyPrice;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten S19 XPs at one site report every minute for two days of December 2024; one of them never
 * answers. Round numbers (100 TH/s and 3,000 W each) make every figure of the report checkable.
 */
class MonthlyReportTest {
  static final Instant DEC_10 = Instant.parse("2024-12-10T00:00:00Z");
  static final Instant DEC_12 = Instant.parse("2024-12-12T00:00:00Z");
  static final FeeAssumption FEES = new FeeAssumption.PerBlock(Btc.parse("0.05"));
  static FleetStore store;
  static MonthlyReport report;

  @BeforeAll
  static void fleetReportsForTwoDays() {
    store = FleetStore.inMemory();
    List<FleetMiner> miners = new ArrayList<>();
    for (int i = 1; i <= 10; i++) miners.add(new FleetMiner(address(i), identity(), new MinerLocation("dallas", "r1", i)));
    store.upsertMiners(miners);
    List<MinerSample> batch = new ArrayList<>();
    for (Instant t = DEC_10; t.isBefore(DEC_12); t = t.plusSeconds(60)) {
      for (int i = 1; i <= 10; i++) {
        batch.add(i == 10 ? new MinerSample(address(i), t, null, HealthState.OFFLINE, "connect timed out")
            : new MinerSample(address(i), t, telemetry(address(i), t), HealthState.OK, null));
      }
      if (batch.size() >= 10_000) {
        store.appendSamples(batch);
        batch = new ArrayList<>();
      }
    }
    store.appendSamples(batch);
    store.rollUp(DEC_12);
    new PayoutStore(store).importAll(List.of(new Payout("p1", Instant.parse("2024-12-11T01:00:00Z"), Btc.parse("0.01"), "pool"),
        new Payout("p2", Instant.parse("2024-12-12T01:00:00Z"), Btc.parse("0.01"), "pool")), "test");
    new TreasuryStore(store).savePrices(List.of(new DailyPrice(LocalDate.of(2024, 12, 1), new BigDecimal("95000")),
        new DailyPrice(LocalDate.of(2024, 12, 31), new BigDecimal("93000"))));
    HostingContracts hosting = new HostingContracts(HostingContracts.parse("hosting.csv",
        "operator,site,pricing,usd_per_kwh,fee_usd_per_kwh,uptime_sla_pct,minimum_take_kw\nHostCo,dallas,power+fee,0.04,0.01,95,\n").orThrow());
    report = new MonthlyReportBuilder(store, ChainHistory.bundled(), ModelCatalog.bundled()).fees(FEES).contracts(hosting)
        .peers(Peers.parse("peers.csv", "company,month,hashrate,btc\nBigCo,2024-12,50EH/s,900\nOther,2024-11,1EH/s,5\n").orThrow())
        .build(YearMonth.of(2024, 12));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void hashrateUptimeEnergyAndEfficiencyComeFromTelemetry() {
    // 9 answering miners × 100 TH/s for 2 of 31 days
    assertThat(report.averageOperating().ths()).isCloseTo(900.0 * 2 / 31, within(0.01));
    assertThat(report.uptimePct()).isCloseTo(90.0, within(1e-9));
    assertThat(report.energyMwh()).isEqualByComparingTo("1.296"); // 9 × 3 kW × 48 h
    assertThat(report.joulesPerTh()).isEqualByComparingTo("30.00");
    assertThat(report.deployed().ths()).isCloseTo(10 * 140.0, within(1e-6));
    assertThat(report.minersDeployed()).isEqualTo(10);
  }

  @Test
  void expectedBtcIsTheEngineOnTheMeasuredHashrate() {
    var direct = new ExpectedProduction(ChainHistory.bundled()).constant(Hashrate.ofThs(900), DEC_10, DEC_12, FEES);
    assertThat(report.expectedBtc().sats()).isCloseTo(direct.total().sats(), within(2L));
    assertThat(report.days()).hasSize(31);
    assertThat(report.days().get(10).operating().ths()).isCloseTo(900.0, within(1e-6));
    assertThat(report.days().get(12).expected()).isEqualTo(Btc.ZERO);
  }

  @Test
  void costsHoldingsAndPeers() {
    assertThat(report.actualBtc()).isEqualTo(Btc.parse("0.02"));
    assertThat(report.hostingCostUsd()).isEqualByComparingTo("64.80"); // 1,296 kWh × $0.05
    assertThat(report.costPerBtcUsd()).isEqualByComparingTo("3240.00");
    assertThat(report.sites()).singleElement().satisfies(s -> assertThat(s.slaMet()).isFalse()); // 90% < 95%
    assertThat(report.holdings()).isEqualTo(Btc.parse("0.02"));
    assertThat(report.holdingsValueUsd()).isEqualByComparingTo("1860.00");
    assertThat(report.peers()).extracting(MonthlyReport.Peer::company).containsExactly("BigCo", "This fleet");
    assertThat(report.peers().get(0).btcPerEhs()).isEqualByComparingTo("18.00");
  }

  @Test
  void everyFormatIsWrittenWithItsCharts(@TempDir Path dir) throws Exception {
    List<Path> files = ReportFiles.write(report, dir);
    assertThat(files).allSatisfy(f -> assertThat(f).exists());
    String md = Files.readString(dir.resolve("production-2024-12.md"));
    assertThat(md).contains("# Production update: December 2024").contains("| Uptime | 90.00 % |")
        .contains("![Operating hashrate by day](production-2024-12-hashrate.png)").contains("| **This fleet** |");
    String html = Files.readString(dir.resolve("production-2024-12.html"));
    assertThat(html).contains("<table>").contains("<img src=\"data:image/png;base64,").contains("Production update: December 2024");
    byte[] png = Files.readAllBytes(dir.resolve("production-2024-12-btc.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readAllLines(dir.resolve("production-2024-12.csv"))).hasSize(32).first().isEqualTo("day,operating_ehs,expected_btc,paid_btc");
  }

  static MinerAddress address(int i) {
    return MinerAddress.of("10.0.0." + i);
  }

  static MinerIdentity identity() {
    return new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "bmminer 1.0", null);
  }

  static MinerTelemetry telemetry(MinerAddress a, Instant at) {
    List<HashboardReading> boards = List.of(new HashboardReading(0, new Hashrate(50_000_000), 110, 60.0, 70.0, 0),
        new HashboardReading(1, new Hashrate(50_000_000), 110, 61.0, 71.0, 0));
    return new MinerTelemetry(a, at, identity(), new Hashrate(100_000_000), new Hashrate(100_000_000), boards, List.of(5400, 5500),
        3000, List.of(new PoolReading("stratum+tcp://pool.example:3333", "w1", true, true, 100, 1, 0)), 0, 86_400);
  }
}
