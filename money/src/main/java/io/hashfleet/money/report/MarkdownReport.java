package io.hashfleet.money.report;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The report as Markdown, the way a monthly production update reads: headline figures, then the
 * charts, then days, sites and peers. The HTML report is rendered from this same text.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /**
   * @param hashrateChart image reference for the hashrate chart (a file name or a data URI)
   * @param productionChart image reference for the production chart
   */
  public static String render(MonthlyReport r, String hashrateChart, String productionChart) {
    StringBuilder md = new StringBuilder();
    String monthName = r.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + r.month().getYear();
    md.append("# Production update: ").append(monthName).append("\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "BTC mined (paid by pools)", r.actualBtc() == null ? "n/a (see notes)" : btc(r.actualBtc()));
    row(md, "BTC expected for the hashrate delivered", btc(r.expectedBtc()));
    row(md, "Shortfall vs expected", r.shortfallPct() == null ? "n/a" : r.shortfallPct().toPlainString() + " %");
    row(md, "Average operating hashrate", eh(r.averageOperating()));
    row(md, "Deployed hashrate", r.minersDeployed() == 0 ? "n/a" : eh(r.deployed()) + " (" + String.format("%,d", r.minersDeployed()) + " miners)");
    row(md, "Uptime", r.uptimePct() == null ? "n/a" : String.format("%.2f %%", r.uptimePct()));
    row(md, "Fleet efficiency", r.joulesPerTh() == null ? "n/a" : r.joulesPerTh().toPlainString() + " J/TH");
    row(md, "Energy used", r.energyMwh() == null ? "n/a" : String.format("%,.1f MWh", r.energyMwh()));
    row(md, "Hosting cost", usd(r.hostingCostUsd()));
    row(md, "Cost per BTC mined", usd(r.costPerBtcUsd()));
    row(md, "BTC held at month end", btc(r.holdings()));
    row(md, "Value of holdings", r.holdingsValueUsd() == null ? "n/a" : usd(r.holdingsValueUsd()) + " at " + usd(r.usdPerBtc()) + "/BTC");
    row(md, "Network hashrate (from difficulty)", eh(r.network()));
    row(md, "Share of the network", r.networkSharePct().toPlainString() + " %");
    row(md, "Hashprice (average)", r.hashpriceBtcPerPhDay().toPlainString() + " BTC/PH/day"
        + (r.hashpriceUsdPerPhDay() == null ? "" : ", " + usd(r.hashpriceUsdPerPhDay()) + "/PH/day"));
    md.append("\nOperating hashrate: ").append(r.hashrateBasis()).append(". Expected BTC: FPPS, ").append(r.feeBasis())
        .append(String.format(", difficulty %.4g (time-weighted harmonic mean).%n", r.difficulty()));
    for (String n : r.notes()) md.append("\n- ").append(n);
    if (!r.notes().isEmpty()) md.append("\n");

    md.append("\n## Hashrate and production by day\n\n");
    md.append("![Operating hashrate by day](").append(hashrateChart).append(")\n\n");
    md.append("![BTC by day, expected vs paid](").append(productionChart).append(")\n\n");
    md.append("| day | operating EH/s | expected BTC | paid BTC |\n|---|---:|---:|---:|\n");
    for (MonthlyReport.Day d : r.days()) {
      md.append("| ").append(d.day()).append(" | ").append(String.format("%.2f", d.operating().ehs())).append(" | ").append(d.expected())
          .append(" | ").append(d.actual() == null ? "n/a" : d.actual()).append(" |\n");
    }

    if (!r.sites().isEmpty()) {
      md.append("\n## Sites\n\n| site | miners | operating EH/s | energy MWh | uptime | hosting cost | contract | SLA |\n"
          + "|---|---:|---:|---:|---:|---:|---|---|\n");
      for (MonthlyReport.SiteLine s : r.sites()) {
        md.append("| ").append(s.site()).append(" | ").append(String.format("%,d", s.miners())).append(" | ")
            .append(String.format("%.3f", s.averageOperating().ehs())).append(" | ")
            .append(s.energyMwh() == null ? "n/a" : String.format("%,.1f", s.energyMwh())).append(" | ")
            .append(s.uptimePct() == null ? "n/a" : String.format("%.2f %%", s.uptimePct())).append(" | ").append(usd(s.costUsd()))
            .append(" | ").append(s.contract() == null ? "none" : s.contract()).append(" | ")
            .append(s.slaMet() == null ? "n/a" : s.slaMet() ? "met" : "**missed**").append(" |\n");
      }
    }
    if (!r.peers().isEmpty()) {
      md.append("\n## Peers, ").append(monthName).append("\n\n| company | hashrate EH/s | BTC | BTC per EH/s |\n|---|---:|---:|---:|\n");
      for (MonthlyReport.Peer p : r.peers()) {
        String name = p.self() ? "**" + p.company() + "**" : p.company();
        md.append("| ").append(name).append(" | ").append(String.format("%.1f", p.hashrate().ehs())).append(" | ")
            .append(p.btc().setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString()).append(" | ")
            .append(p.btcPerEhs() == null ? "n/a" : p.btcPerEhs().toPlainString()).append(" |\n");
      }
      md.append("\nPeers' figures are as they published them; hashrate definitions (deployed, operating, average) differ between companies.\n");
    }
    md.append("\n_Generated ").append(r.generatedAt()).append(" by Hashfleet._\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  public static String btc(Btc b) {
    return b == null ? "n/a" : b.toBtc().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " BTC";
  }

  static String eh(Hashrate h) {
    return String.format("%.2f EH/s", h.ehs());
  }

  static String usd(BigDecimal v) {
    return v == null ? "n/a" : String.format(Locale.ENGLISH, "$%,.2f", v);
  }
}
