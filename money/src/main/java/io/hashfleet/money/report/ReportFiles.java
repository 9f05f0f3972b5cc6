package io.hashfleet.money.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a report in every format: Markdown with PNG charts beside it, HTML, CSV by day and JSON. */
public final class ReportFiles {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFiles() {}

  /** Writes {@code production-YYYY-MM.{md,html,csv,json}} and two PNGs into {@code dir}; returns the paths. */
  public static List<Path> write(MonthlyReport r, Path dir) throws IOException {
    Files.createDirectories(dir);
    String base = "production-" + r.month();
    byte[] hashrate = ReportCharts.hashrateByDay(r);
    byte[] production = ReportCharts.productionByDay(r);
    Path hashratePng = dir.resolve(base + "-hashrate.png");
    Path productionPng = dir.resolve(base + "-btc.png");
    Files.write(hashratePng, hashrate);
    Files.write(productionPng, production);
    Path md = dir.resolve(base + ".md");
    Files.writeString(md, MarkdownReport.render(r, hashratePng.getFileName().toString(), productionPng.getFileName().toString()),
        StandardCharsets.UTF_8);
    Path html = dir.resolve(base + ".html");
    Files.writeString(html, HtmlReport.render(r, hashrate, production), StandardCharsets.UTF_8);
    Path csv = dir.resolve(base + ".csv");
    Files.writeString(csv, csv(r), StandardCharsets.UTF_8);
    Path json = dir.resolve(base + ".json");
    Files.writeString(json, JSON.writeValueAsString(json(r)), StandardCharsets.UTF_8);
    return List.of(md, html, csv, json, hashratePng, productionPng);
  }

  /** One row per day; the month's totals are in the JSON and the Markdown. */
  public static String csv(MonthlyReport r) {
    StringBuilder out = new StringBuilder("day,operating_ehs,expected_btc,paid_btc\n");
    for (MonthlyReport.Day d : r.days()) {
      out.append(d.day()).append(',').append(String.format("%.6f", d.operating().ehs())).append(',').append(d.expected()).append(',')
          .append(d.actual() == null ? "" : d.actual().toString()).append('\n');
    }
    return out.toString();
  }

  public static Map<String, Object> json(MonthlyReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("month", r.month().toString());
    m.put("generated_at", r.generatedAt().toString());
    m.put("btc_mined", r.actualBtc() == null ? null : r.actualBtc().toBtc());
    m.put("btc_expected", r.expectedBtc().toBtc());
    m.put("shortfall_pct", r.shortfallPct());
    m.put("fee_basis", r.feeBasis());
    m.put("hashrate_basis", r.hashrateBasis());
    m.put("average_operating_ehs", round(r.averageOperating().ehs(), 4));
    m.put("deployed_ehs", round(r.deployed().ehs(), 4));
    m.put("miners_deployed", r.minersDeployed());
    m.put("uptime_pct", r.uptimePct() == null ? null : round(r.uptimePct(), 3));
    m.put("efficiency_j_per_th", r.joulesPerTh());
    m.put("energy_mwh", r.energyMwh());
    m.put("hosting_cost_usd", r.hostingCostUsd());
    m.put("cost_per_btc_usd", r.costPerBtcUsd());
    m.put("holdings_btc", r.holdings() == null ? null : r.holdings().toBtc());
    m.put("usd_per_btc", r.usdPerBtc());
    m.put("holdings_value_usd", r.holdingsValueUsd());
    m.put("network_ehs", round(r.network().ehs(), 2));
    m.put("network_share_pct", r.networkSharePct());
    m.put("difficulty_harmonic_mean", Math.round(r.difficulty()));
    m.put("hashprice_btc_per_ph_day", r.hashpriceBtcPerPhDay());
    m.put("hashprice_usd_per_ph_day", r.hashpriceUsdPerPhDay());
    List<Map<String, Object>> days = new ArrayList<>();
    for (MonthlyReport.Day d : r.days()) {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("day", d.day().toString());
      day.put("operating_ehs", round(d.operating().ehs(), 6));
      day.put("expected_btc", d.expected().toBtc());
      day.put("paid_btc", d.actual() == null ? null : d.actual().toBtc());
      days.add(day);
    }
    m.put("per_day", days);
    List<Map<String, Object>> sites = new ArrayList<>();
    for (MonthlyReport.SiteLine s : r.sites()) {
      Map<String, Object> site = new LinkedHashMap<>();
      site.put("site", s.site());
      site.put("miners", s.miners());
      site.put("operating_ehs", round(s.averageOperating().ehs(), 6));
      site.put("energy_mwh", s.energyMwh());
      site.put("uptime_pct", s.uptimePct() == null ? null : round(s.uptimePct(), 3));
      site.put("hosting_cost_usd", s.costUsd());
      site.put("contract", s.contract());
      site.put("sla_met", s.slaMet());
      sites.add(site);
    }
    m.put("sites", sites);
    List<Map<String, Object>> peers = new ArrayList<>();
    for (MonthlyReport.Peer p : r.peers()) {
      Map<String, Object> peer = new LinkedHashMap<>();
      peer.put("company", p.company());
      peer.put("hashrate_ehs", round(p.hashrate().ehs(), 2));
      peer.put("btc", p.btc());
      peer.put("btc_per_ehs", p.btcPerEhs());
      peer.put("self", p.self());
      peers.add(peer);
    }
    m.put("peers", peers);
    m.put("notes", r.notes());
    return m;
  }

  private static BigDecimal round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_EVEN);
  }
}
