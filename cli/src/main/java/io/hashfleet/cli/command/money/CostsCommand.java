package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.BarChart;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.AsicModel;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.cost.AcquisitionTranche;
import io.hashfleet.money.cost.Breakeven;
import io.hashfleet.money.cost.TrancheReturn;
import io.hashfleet.money.cost.Tranches;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.Hashprice;
import io.hashfleet.money.treasury.PriceSeries;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hashprice, breakeven power prices and what the acquisitions have returned. */
@Command(name = "costs", mixinStandardHelpOptions = true, description = "Hashprice by day, breakeven power price per model, acquisition tranches' ROI.",
    subcommands = {CostsCommand.HashpriceCmd.class, CostsCommand.Tranche.class})
public final class CostsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prices from the store, or none; hashprice in USD needs them. */
  static PriceSeries prices(FleetStore store) {
    return new TreasuryStore(store).prices();
  }

  static BigDecimal priceOrNull(PriceSeries p, LocalDate d) {
    if (p.isEmpty()) return null;
    try {
      return p.priceOn(d);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Command(name = "hashprice", mixinStandardHelpOptions = true,
      description = "Hashprice by day (BTC and USD per PH/s per day) and each model's breakeven power price at the period's average.")
  static final class HashpriceCmd implements Callable<Integer> {
    @Option(names = "--json") boolean json;
    @Mixin PeriodOptions periodOptions;
    @Mixin FeeOptions feeOptions;
    @Mixin ChainOptions chainOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      Period period = periodOptions.period();
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        ChainHistory chain = chainOptions.history(store);
        FeeAssumption fees = feeOptions.assumption(store);
        PriceSeries prices = prices(store);
        List<Hashprice.Day> days = Hashprice.byDay(new ExpectedProduction(chain), fees, period.from(), period.to(), d -> priceOrNull(prices, d));
        BigDecimal avgUsd = days.stream().allMatch(d -> d.usdPerPhDay() != null) && !days.isEmpty()
            ? days.stream().map(Hashprice.Day::usdPerPhDay).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(days.size()), 2, java.math.RoundingMode.HALF_EVEN) : null;
        List<AsicModel> models = new ArrayList<>(storeOptions.catalog().all());
        models.sort(Comparator.comparingDouble(AsicModel::joulesPerTh));
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("from", period.from().toString());
          m.put("to", period.to().toString());
          m.put("fee_basis", fees.describe());
          m.put("average_btc_per_ph_day", Hashprice.average(days));
          m.put("average_usd_per_ph_day", avgUsd);
          List<Map<String, Object>> ds = new ArrayList<>();
          for (Hashprice.Day d : days) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.day().toString());
            day.put("btc_per_ph_day", d.btcPerPhDay());
            day.put("usd_per_ph_day", d.usdPerPhDay());
            ds.add(day);
          }
          m.put("per_day", ds);
          if (avgUsd != null) {
            List<Map<String, Object>> be = new ArrayList<>();
            for (AsicModel a : models) {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("model", a.id());
              row.put("j_per_th", a.joulesPerTh());
              row.put("breakeven_usd_per_mwh", Breakeven.usdPerMwh(avgUsd, a.joulesPerTh()));
              be.add(row);
            }
            m.put("breakeven", be);
          }
          System.out.println(Json.pretty(m));
          return 0;
        }
        System.out.printf("Hashprice %s to %s (%s)%n", period.from(), period.to(), fees.describe());
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Hashprice.Day d : days) {
          labels.add(d.day().toString());
          values.add(d.usdPerPhDay() != null ? d.usdPerPhDay().doubleValue() : d.btcPerPhDay().doubleValue());
          texts.add(d.btcPerPhDay().toPlainString() + " BTC" + (d.usdPerPhDay() == null ? "" : "  $" + d.usdPerPhDay().toPlainString()));
        }
        System.out.print(BarChart.render(labels, values, texts, 40));
        System.out.printf("average: %s BTC/PH/day%s%n", Hashprice.average(days).toPlainString(), avgUsd == null ? "" : ", $" + avgUsd + "/PH/day");
        if (avgUsd == null) {
          System.out.println("(no BTC prices in the store for every day: import some with 'hashfleet treasury prices' for USD and breakeven)");
        } else {
          System.out.println("breakeven power price at that hashprice (revenue per MWh = hashprice / (0.024 × J/TH)):");
          for (AsicModel a : models) {
            System.out.printf("  %-10s %6.1f J/TH  $%s/MWh%n", a.id(), a.joulesPerTh(), Breakeven.usdPerMwh(avgUsd, a.joulesPerTh()).toPlainString());
          }
        }
      }
      return 0;
    }
  }

  @Command(name = "tranches", mixinStandardHelpOptions = true,
      description = "Each acquisition tranche's $/TH, net earned since purchase, ROI to date and payback, from daily hashprice, "
          + "the fleet's efficiency and the all-in power price.")
  static final class Tranche implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "tranche,date,hashrate,price_usd,paid_in") Path file;
    @Option(names = "--as-of", paramLabel = "DATE", description = "Default: yesterday (UTC).") LocalDate asOf;
    @Option(names = "--j-per-th", defaultValue = "21.5", description = "Fleet efficiency (default: ${DEFAULT-VALUE}, an S19 XP).") BigDecimal joulesPerTh;
    @Option(names = "--usd-per-kwh", defaultValue = "0.076", description = "All-in power and hosting price (default: ${DEFAULT-VALUE}).") BigDecimal usdPerKwh;
    @Option(names = "--json") boolean json;
    @Mixin FeeOptions feeOptions;
    @Mixin ChainOptions chainOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      List<AcquisitionTranche> tranches = Tranches.read(file);
      LocalDate end = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC).minusDays(1);
      LocalDate start = tranches.stream().map(AcquisitionTranche::date).min(LocalDate::compareTo).orElseThrow();
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        PriceSeries prices = prices(store);
        if (prices.isEmpty()) throw new IllegalArgumentException("no BTC prices in the store: import some with 'hashfleet treasury prices FILE.csv'");
        List<Hashprice.Day> days = Hashprice.byDay(new ExpectedProduction(chainOptions.history(store)), feeOptions.assumption(store),
            start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), d -> priceOrNull(prices, d));
        // Per TH/s per day: revenue is hashprice / 1000; power is J/TH × 24 h = J/TH × 0.024 kWh.
        BigDecimal costPerThDay = joulesPerTh.multiply(new BigDecimal("0.024")).multiply(usdPerKwh);
        TreeMap<LocalDate, BigDecimal> net = new TreeMap<>();
        for (Hashprice.Day d : days) {
          if (d.usdPerPhDay() == null) throw new IllegalArgumentException("no BTC price on or before " + d.day());
          net.put(d.day(), d.usdPerPhDay().divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64).subtract(costPerThDay));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AcquisitionTranche t : tranches) {
          TrancheReturn r = TrancheReturn.of(t, net, end);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("tranche", t.name());
          m.put("date", t.date().toString());
          m.put("hashrate_ehs", t.hashrate().ehs());
          m.put("price_usd", t.priceUsd());
          m.put("paid_in", t.payment().name().toLowerCase());
          m.put("usd_per_th", t.usdPerTh());
          m.put("net_earned_usd", r.netEarnedUsd());
          m.put("roi_pct", r.roiPct());
          m.put("payback_date", r.paybackDate() == null ? null : r.paybackDate().toString());
          m.put("projected_payback_days", r.projectedPaybackDays());
          rows.add(m);
        }
        if (json) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("as_of", end.toString());
          doc.put("j_per_th", joulesPerTh);
          doc.put("usd_per_kwh", usdPerKwh);
          doc.put("tranches", rows);
          System.out.println(Json.pretty(doc));
        } else {
          System.out.printf("Tranches as of %s (%s J/TH at $%s/kWh all-in)%n", end, joulesPerTh, usdPerKwh);
          for (Map<String, Object> m : rows) {
            System.out.printf("  %-10s %s  %6.2f EH/s  $%s  %s  $%s/TH  earned $%s  ROI %s%%  payback %s%n", m.get("tranche"), m.get("date"),
                (Double) m.get("hashrate_ehs"), m.get("price_usd"), m.get("paid_in"), m.get("usd_per_th"), m.get("net_earned_usd"), m.get("roi_pct"),
                m.get("payback_date") != null ? "on " + m.get("payback_date")
                    : m.get("projected_payback_days") != null ? "in about " + m.get("projected_payback_days") + " days at the last 30 days' rate"
                    : "not at the recent rate");
          }
        }
      }
      return 0;
    }
  }
}
