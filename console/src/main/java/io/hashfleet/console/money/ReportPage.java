package io.hashfleet.console.money;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.report.MonthlyReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly report as the API returns it: satoshis and MH/s like every other console figure
 * (the report's own JSON rounds to EH/s, which hides a small owner), null where the figure is not
 * known or not this principal's to see, and the notes that say which.
 *
 * @param scope "fleet" (every miner) or "owner" (the tenant's miners only)
 * @param books whether payouts and the treasury were read: the tenant keeps its books in this store
 */
public record ReportPage(YearMonth month, Instant generatedAt, String scope, String tenant, boolean books, Long actualSats,
    long expectedSats, BigDecimal shortfallPct, String feeBasis, String hashrateBasis, long averageOperatingMhs, long deployedMhs,
    long minersDeployed, Double uptimePct, BigDecimal joulesPerTh, BigDecimal energyMwh, BigDecimal hostingCostUsd,
    BigDecimal costPerBtcUsd, Long holdingsSats, BigDecimal usdPerBtc, BigDecimal holdingsValueUsd, long networkMhs,
    BigDecimal networkSharePct, double difficulty, BigDecimal hashpriceBtcPerPhDay, BigDecimal hashpriceUsdPerPhDay, List<Day> days,
    List<Site> sites, List<Peer> peers, List<String> notes) {

  /** @param actualSats null without payouts or without books */
  public record Day(LocalDate day, long hashrateMhs, long expectedSats, Long actualSats) {}

  public record Site(String site, long miners, long hashrateMhs, BigDecimal energyMwh, Double uptimePct, BigDecimal hostingCostUsd,
      String contract, Boolean slaMet) {}

  public record Peer(String company, long hashrateMhs, BigDecimal btc, BigDecimal btcPerEhs, boolean self) {}

  static ReportPage of(MonthlyReport r, String scope, String tenant, boolean books) {
    List<Day> days = r.days().stream().map(d -> new Day(d.day(), d.operating().mhs(), d.expected().sats(), sats(d.actual()))).toList();
    List<Site> sites = r.sites().stream().map(s -> new Site(s.site(), s.miners(), s.averageOperating().mhs(), s.energyMwh(), s.uptimePct(),
        s.costUsd(), s.contract(), s.slaMet())).toList();
    List<Peer> peers = r.peers().stream().map(p -> new Peer(p.company(), p.hashrate().mhs(), p.btc(), p.btcPerEhs(), p.self())).toList();
    return new ReportPage(r.month(), r.generatedAt(), scope, tenant, books, sats(r.actualBtc()), r.expectedBtc().sats(), r.shortfallPct(),
        r.feeBasis(), r.hashrateBasis(), r.averageOperating().mhs(), r.deployed().mhs(), r.minersDeployed(), r.uptimePct(), r.joulesPerTh(),
        r.energyMwh(), r.hostingCostUsd(), r.costPerBtcUsd(), sats(r.holdings()), r.usdPerBtc(), r.holdingsValueUsd(), r.network().mhs(),
        r.networkSharePct(), r.difficulty(), r.hashpriceBtcPerPhDay(), r.hashpriceUsdPerPhDay(), days, sites, peers, r.notes());
  }

  private static Long sats(Btc b) {
    return b == null ? null : b.sats();
  }
}
