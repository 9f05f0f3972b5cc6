package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.payout.Reconciliation;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Pool payouts against what the delivered hashrate should have earned, per day. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Actual payouts vs expected production per day: shortfall in BTC and %%, days beyond a threshold flagged.")
public final class ProductionReconcileCommand implements Callable<Integer> {
  @Option(names = "--lag-days", defaultValue = "1", description = "A payout pays for the day this many days before it (default: ${DEFAULT-VALUE}, as FPPS pools pay).")
  int lagDays;
  @Option(names = "--threshold-pct", defaultValue = "5", description = "Flag days whose shortfall is beyond this %% either way (default: ${DEFAULT-VALUE}).")
  BigDecimal thresholdPct;
  @Option(names = "--json", description = "One JSON document with totals and days.") boolean json;

  @Mixin HashrateOptions hashrateOptions;
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
      HashrateOptions.Estimate est = hashrateOptions.estimate(new ExpectedProduction(chain), store, period, fees);
      ProductionEstimate e = est.estimate();
      // Payouts for the period's last days arrive after it ends.
      // The books `payouts list` shows without --owner: the books tenant's, or the default books alone.
      var payouts = new PayoutStore(store, OwnerOptions.defaultBooks(store)).between(period.from().plus(java.time.Duration.ofDays(lagDays)),
          period.to().plus(java.time.Duration.ofDays(lagDays)));
      Reconciliation r = Reconciliation.of(e.days(), payouts, lagDays, thresholdPct);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", period.from().toString());
        m.put("to", period.to().toString());
        m.put("hashrate", est.what());
        m.put("expected_btc", r.expected().toBtc());
        m.put("actual_btc", r.actual().toBtc());
        m.put("shortfall_btc", r.shortfall().toBtc());
        m.put("shortfall_pct", r.shortfallPct());
        m.put("threshold_pct", thresholdPct);
        m.put("lag_days", lagDays);
        m.put("flagged_days", r.flaggedDays());
        m.put("fee_basis", e.feeBasis());
        m.put("notes", e.notes());
        List<Map<String, Object>> days = new ArrayList<>();
        for (Reconciliation.Day d : r.days()) {
          Map<String, Object> day = new LinkedHashMap<>();
          day.put("day", d.day().toString());
          day.put("expected_btc", d.expected().toBtc());
          day.put("actual_btc", d.actual().toBtc());
          day.put("shortfall_btc", d.shortfall().toBtc());
          day.put("shortfall_pct", d.shortfallPct());
          day.put("flagged", d.flagged());
          days.add(day);
        }
        m.put("per_day", days);
        System.out.println(Json.pretty(m));
        return 0;
      }
      System.out.printf("Payouts vs expected, %s to %s, %s%n", period.from(), period.to(), est.what());
      System.out.printf("  expected %s BTC, paid %s BTC, shortfall %s BTC (%s%%)%n", r.expected(), r.actual(), r.shortfall(),
          r.shortfallPct() == null ? "-" : r.shortfallPct().toPlainString());
      for (String n : e.notes()) System.out.println("  note: " + n);
      System.out.printf("%-10s  %14s  %14s  %14s  %8s%n", "day", "expected", "paid", "shortfall", "%");
      for (Reconciliation.Day d : r.days()) {
        System.out.printf("%-10s  %14s  %14s  %14s  %8s%s%n", d.day(), d.expected(), d.actual(), d.shortfall(),
            d.shortfallPct() == null ? "-" : d.shortfallPct().toPlainString(), d.flagged() ? "  <- beyond " + thresholdPct + "%" : "");
      }
      System.out.printf("%d of %d days flagged%n", r.flaggedDays(), r.days().size());
      return 0;
    }
  }
}
