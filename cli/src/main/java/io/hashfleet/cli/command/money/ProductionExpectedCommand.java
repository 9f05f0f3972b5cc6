package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.BarChart;
import io.hashfleet.cli.output.Json;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.production.DayProduction;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a hashrate should have earned over a period: a constant rate given on the command line, or
 * the measured hashrate of the fleet, a site, a model or a miner from the store's rollups.
 */
@Command(name = "expected", mixinStandardHelpOptions = true,
    description = "Expected BTC over a period: BTC = Σ H·Δt / (D·2^32) × (subsidy + fees), difficulty from chain data.")
public final class ProductionExpectedCommand implements Callable<Integer> {
  @Mixin HashrateOptions hashrateOptions;

  @Option(names = "--json", description = "One JSON document with totals and a per-day breakdown.") boolean json;

  @Mixin PeriodOptions periodOptions;
  @Mixin FeeOptions feeOptions;
  @Mixin ChainOptions chainOptions;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    Period period = periodOptions.period();
    // A constant-rate question needs no store; do not create one just to answer it.
    boolean haveStore = Files.exists(storeOptions.store());
    if (hashrateOptions.needsStore() && !haveStore) {
      throw new IllegalArgumentException("no store at " + storeOptions.store() + ": give --hashrate, or collect telemetry first (hashfleet up)");
    }
    try (FleetStore store = haveStore ? FleetStore.open(storeOptions.store()) : null) {
      ChainHistory chain = chainOptions.history(store);
      FeeAssumption fees = feeOptions.assumption(store);
      HashrateOptions.Estimate est = hashrateOptions.estimate(new ExpectedProduction(chain), store, period, fees);
      String what = est.what();
      ProductionEstimate e = est.estimate();
      if (json) System.out.println(Json.pretty(toJson(what, e, chain)));
      else print(what, e);
      return 0;
    }
  }

  static Map<String, Object> toJson(String what, ProductionEstimate e, ChainHistory chain) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", e.from().toString());
    m.put("to", e.to().toString());
    m.put("hashrate", what);
    m.put("average_hashrate_ehs", round(e.averageHashrate().ehs(), 6));
    m.put("days", round(e.lengthDays(), 6));
    m.put("btc", e.total().toBtc());
    m.put("btc_subsidy", e.subsidy().toBtc());
    m.put("btc_fees", e.fees().toBtc());
    m.put("sats", e.total().sats());
    m.put("blocks_expected", round(e.blocksExpected(), 4));
    m.put("difficulty_harmonic_mean", Math.round(e.harmonicMeanDifficulty()));
    m.put("fee_basis", e.feeBasis());
    m.put("chain_data_until", chain.knownUntil().toString());
    m.put("notes", e.notes());
    List<Map<String, Object>> days = new ArrayList<>();
    for (DayProduction d : e.days()) {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("day", d.day().toString());
      day.put("btc", d.total().toBtc());
      day.put("blocks_expected", round(d.blocks(), 4));
      day.put("average_hashrate_ehs", round(d.averageHashrate().ehs(), 6));
      day.put("difficulty", Math.round(d.difficulty()));
      days.add(day);
    }
    m.put("per_day", days);
    return m;
  }

  private static void print(String what, ProductionEstimate e) {
    System.out.printf("Expected production, %s to %s (%.2f days), %s%n", e.from(), e.to(), e.lengthDays(), what);
    System.out.printf("  BTC:               %s  (subsidy %s + fees %s)%n", e.total(), e.subsidy(), e.fees());
    System.out.printf("  blocks expected:   %.2f%n", e.blocksExpected());
    System.out.printf("  average hashrate:  %s%n", e.averageHashrate());
    System.out.printf("  difficulty:        %.4g (time-weighted harmonic mean)%n", e.harmonicMeanDifficulty());
    for (String n : e.notes()) System.out.println("  note: " + n);
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (DayProduction d : e.days()) {
      labels.add(d.day().toString());
      values.add(d.total().toBtc().doubleValue());
      texts.add(d.total().toBtc().setScale(4, java.math.RoundingMode.HALF_EVEN) + " BTC");
    }
    System.out.println("BTC by day:");
    System.out.print(BarChart.render(labels, values, texts, 40));
  }

  private static BigDecimal round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_EVEN);
  }
}
