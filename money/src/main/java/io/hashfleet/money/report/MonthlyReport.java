package io.hashfleet.money.report;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly production update listed miners publish, as data. Figures that need an input the
 * owner has not given (prices, hosting contracts, power telemetry) are null and print as "n/a".
 *
 * @param expectedBtc what the operating hashrate should have earned (FPPS with {@code feeBasis})
 * @param actualBtc what the pools paid for the month's days; null without payouts, or when the
 *     books were not read for this reader
 * @param holdings BTC held at month end; null when the books were not read for this reader
 * @param hashrateBasis where the operating hashrate came from: telemetry or a stated constant
 */
public record MonthlyReport(
    YearMonth month,
    Instant generatedAt,
    Btc actualBtc,
    Btc expectedBtc,
    BigDecimal shortfallPct,
    String feeBasis,
    String hashrateBasis,
    Hashrate averageOperating,
    Hashrate deployed,
    long minersDeployed,
    Double uptimePct,
    BigDecimal joulesPerTh,
    BigDecimal energyMwh,
    BigDecimal hostingCostUsd,
    BigDecimal costPerBtcUsd,
    Btc holdings,
    BigDecimal usdPerBtc,
    BigDecimal holdingsValueUsd,
    Hashrate network,
    BigDecimal networkSharePct,
    double difficulty,
    BigDecimal hashpriceBtcPerPhDay,
    BigDecimal hashpriceUsdPerPhDay,
    List<Day> days,
    List<SiteLine> sites,
    List<Peer> peers,
    List<String> notes) {

  /** One day of the month. actual is null when no payouts were imported at all. */
  public record Day(LocalDate day, Hashrate operating, Btc expected, Btc actual) {}

  /** One site's energy and hosting cost; cost is null without a contract for it. */
  public record SiteLine(String site, long miners, Hashrate averageOperating, BigDecimal energyMwh, BigDecimal costUsd, String contract,
      Double uptimePct, Boolean slaMet) {}

  /** A peer's published month, from the owner's peers file; {@code self} marks this fleet's row. */
  public record Peer(String company, Hashrate hashrate, BigDecimal btc, BigDecimal btcPerEhs, boolean self) {}
}
