package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.HistoryCommand;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.HashrateInterval;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.money.production.TelemetryHashrate;
import io.hashfleet.store.FleetStore;
import java.util.List;
import picocli.CommandLine.Option;

/** Whose hashrate: a constant rate from the command line, or what the store measured for a scope. */
final class HashrateOptions {
  @Option(names = "--hashrate", paramLabel = "RATE", description = "A constant hashrate such as 30.4EH/s; without it, the measured hashrate of --scope.")
  String hashrate;

  @Option(names = "--scope", defaultValue = "fleet", description = "With measured hashrate: fleet, site:NAME, model:ID or miner:HOST[:PORT] (default: ${DEFAULT-VALUE}).")
  String scope;

  boolean needsStore() {
    return hashrate == null;
  }

  /** What the estimate is of, for headings. */
  String describe(int buckets) {
    return hashrate != null ? "constant " + Hashrate.parse(hashrate) : "measured hashrate of " + scope + " (" + buckets + " rollup buckets)";
  }

  record Estimate(String what, ProductionEstimate estimate) {}

  Estimate estimate(ExpectedProduction engine, FleetStore store, Period period, FeeAssumption fees) {
    if (hashrate != null) {
      Hashrate h = Hashrate.parse(hashrate);
      return new Estimate("constant " + h, engine.constant(h, period.from(), period.to(), fees));
    }
    List<HashrateInterval> measured = TelemetryHashrate.intervals(store, HistoryCommand.parseScope(scope), period.from(), period.to());
    return new Estimate(describe(measured.size()), engine.estimate(measured, period.from(), period.to(), fees));
  }
}
