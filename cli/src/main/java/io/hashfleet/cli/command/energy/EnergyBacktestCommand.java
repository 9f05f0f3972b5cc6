package io.hashfleet.cli.command.energy;

import io.hashfleet.cli.command.DurationConverter;
import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.energy.backtest.Backtest;
import io.hashfleet.energy.backtest.BacktestResult;
import io.hashfleet.energy.backtest.BacktestSettings;
import io.hashfleet.energy.backtest.HashpriceSource;
import io.hashfleet.energy.backtest.ModelResult;
import io.hashfleet.energy.power.FleetMix;
import io.hashfleet.energy.price.PriceFiles;
import io.hashfleet.energy.price.PowerPrices;
import io.hashfleet.energy.price.PriceImport;
import io.hashfleet.energy.signal.FourCpWindows;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Economic curtailment replayed over a price history, against never curtailing. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Revenue, power cost, curtailed MWh and hours, credits and net margin with the policy and without it, per model.")
public final class EnergyBacktestCommand implements Callable<Integer> {
  @Option(names = "--prices", required = true, paramLabel = "FILE",
      description = "ERCOT settlement point prices (RTM or DAM CSV) or interval_start,price_usd_per_mwh in UTC.") Path pricesFile;
  @Option(names = "--settlement-point", paramLabel = "NAME", description = "Which settlement point of an ERCOT file, such as HB_WEST.") String settlementPoint;
  @Option(names = "--hashprice", required = true, paramLabel = "FILE|VALUE", description = "USD per PH/s per day: a number, or a date,usd_per_ph_day CSV.") String hashprice;
  @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "Default: the first price.") String from;
  @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "Default: the end of the last price.") String to;
  @Option(names = "--fleet", paramLabel = "FILE", description = "model,count[,firmware] lines (catalog ids such as s19xp, firmware such as braiins_os); default: the registered fleet.") Path fleetFile;
  @Option(names = "--partial-power", defaultValue = "firmware", paramLabel = "firmware|all|none",
      description = "Run losing machines at reduced power instead of off: where the firmware takes power targets (default), for all machines, or none.") String partialPower;
  @Option(names = "--credit", defaultValue = "0", paramLabel = "USD_PER_MWH", description = "Credit per MWh not drawn while off (default: ${DEFAULT-VALUE}).") BigDecimal credit;
  @Option(names = "--min-on", defaultValue = "0s", converter = DurationConverter.class) Duration minOn;
  @Option(names = "--min-off", defaultValue = "0s", converter = DurationConverter.class) Duration minOff;
  @Option(names = "--4cp", description = "Stay off on June–September weekday afternoons, 15:00–18:00 Central time.") boolean fourCp;
  @Option(names = "--json") boolean json;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws IOException {
    PriceImport imp = PriceFiles.read(pricesFile, settlementPoint);
    PowerPrices prices = imp.orThrow();
    var span = prices.span().orElseThrow(() -> new IllegalArgumentException(pricesFile + ": no prices"));
    Instant start = from == null ? span.from() : instant("--from", from);
    Instant end = to == null ? span.to() : instant("--to", to);
    FleetMix fleet;
    if (fleetFile != null) {
      fleet = FleetMix.read(fleetFile, storeOptions.catalog());
    } else {
      if (!Files.exists(storeOptions.store())) throw new IllegalArgumentException("no store at " + storeOptions.store() + ": give --fleet FILE (model,count lines)");
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        fleet = FleetMix.fromStore(store, storeOptions.catalog());
      }
    }
    fleet = fleet.withPartialPower(partialPowerMode());
    FourCpWindows windows = fourCp ? FourCpWindows.configured(LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1),
        LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(1), LocalTime.of(15, 0), LocalTime.of(18, 0)) : FourCpWindows.none();
    BacktestResult r = Backtest.run(fleet, prices.between(start, end).intervals(), HashpriceSource.parse(hashprice),
        new BacktestSettings(start, end, credit, minOn, minOff, windows));
    List<String> notes = new ArrayList<>(imp.report().findings());
    notes.addAll(r.notes());
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", start.toString());
      m.put("to", end.toString());
      m.put("prices", pricesFile.getFileName().toString());
      m.put("hashprice", r.hashpriceBasis());
      m.put("intervals", r.intervals());
      m.put("total", row(r.total()));
      List<Map<String, Object>> models = new ArrayList<>();
      for (ModelResult mr : r.models()) models.add(row(mr));
      m.put("models", models);
      m.put("notes", notes);
      System.out.println(Json.pretty(m));
      return 0;
    }
    System.out.printf("Backtest %s to %s, %d price intervals from %s; hashprice %s%n", start, end, r.intervals(), pricesFile.getFileName(), r.hashpriceBasis());
    System.out.printf("%-8s %9s %9s %14s %14s %12s %10s %12s %14s %14s %12s%n", "model", "machines", "$/MWh be", "revenue", "power cost", "curt. MWh",
        "curt. h", "credits", "net margin", "baseline", "gain");
    for (ModelResult mr : r.models()) print(mr);
    print(r.total());
    if (r.models().stream().anyMatch(ModelResult::partialPower)) {
      System.out.println("  * takes power targets: run at " + Math.round(io.hashfleet.energy.dispatch.PartialPower.MIN_SHARE * 100)
          + "% power instead of off when only that pays; turned down " + r.total().turnedDownHours().toPlainString() + " h (longest of any model)");
    }
    for (String n : notes) System.out.println("  note: " + n);
    return 0;
  }

  private static void print(ModelResult m) {
    System.out.printf("%-8s %9d %9s %14s %14s %12s %10s %12s %14s %14s %12s%n", m.partialPower() && !m.model().equals("total") ? m.model() + "*" : m.model(),
        m.machines(),
        m.breakevenUsdPerMwh() == null ? "" : m.breakevenUsdPerMwh().toPlainString(), m.revenueUsd().toPlainString(), m.powerCostUsd().toPlainString(),
        m.curtailedMwh().toPlainString(), m.curtailedHours().toPlainString(), m.creditsUsd().toPlainString(), m.netMarginUsd().toPlainString(),
        m.baselineNetMarginUsd().toPlainString(), m.gainUsd().toPlainString());
  }

  static Map<String, Object> row(ModelResult m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("model", m.model());
    row.put("machines", m.machines());
    row.put("megawatts", m.megawatts());
    row.put("breakeven_usd_per_mwh", m.breakevenUsdPerMwh());
    row.put("revenue_usd", m.revenueUsd());
    row.put("power_cost_usd", m.powerCostUsd());
    row.put("curtailed_mwh", m.curtailedMwh());
    row.put("curtailed_hours", m.curtailedHours());
    row.put("credits_usd", m.creditsUsd());
    row.put("net_margin_usd", m.netMarginUsd());
    row.put("baseline_revenue_usd", m.baselineRevenueUsd());
    row.put("baseline_power_cost_usd", m.baselinePowerCostUsd());
    row.put("baseline_net_margin_usd", m.baselineNetMarginUsd());
    row.put("gain_usd", m.gainUsd());
    row.put("partial_power", m.partialPower());
    row.put("turned_down_hours", m.turnedDownHours());
    return row;
  }

  private FleetMix.PartialPowerMode partialPowerMode() {
    try {
      return FleetMix.PartialPowerMode.valueOf(partialPower.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--partial-power '" + partialPower + "': expected firmware, all or none");
    }
  }

  private static Instant instant(String option, String text) {
    try {
      if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "': expected a date such as 2024-07-01 or an instant");
    }
  }
}
