package io.hashfleet.cli.command;

import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.output.MinerRow;
import io.hashfleet.cli.output.Progress;
import io.hashfleet.cli.output.Table;
import io.hashfleet.collect.discovery.AddressPlan;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanReport;
import io.hashfleet.collect.health.HealthClassifier;
import io.hashfleet.collect.health.HealthRules;
import io.hashfleet.collect.health.Problem;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Finds the miners in IPv4 ranges, says what each is and what it is doing, and can register them. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Find every miner in the ranges: make, model, firmware and a first poll.")
public final class ScanCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "CIDR", description = "Ranges such as 10.1.0.0/16 10.2.0.0/24 (a bare address is one host).")
  List<String> ranges;

  @Option(names = "--port", defaultValue = "4028", description = "Miner API port (default: ${DEFAULT-VALUE}).") int port;

  @Option(names = "--concurrency", defaultValue = "2000", description = "Addresses probed at once (default: ${DEFAULT-VALUE}).") int concurrency;

  @Option(names = "--timeout", defaultValue = "2s", converter = DurationConverter.class, description = "Connect timeout per address (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--register", description = "Add the miners found to the fleet.") boolean register;

  @Option(names = "--plan", paramLabel = "FILE", description = "Address plan giving site, rack and position (lines: cidr, site, rack pattern, position pattern).")
  Path plan;

  @Option(names = "--site", description = "Site for every miner found (when there is no plan).") String site;

  @Option(names = "--json", description = "One JSON object per miner (JSON Lines).") boolean json;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws Exception {
    List<Cidr> cidrs = new ArrayList<>();
    for (String r : ranges) cidrs.add(Cidr.parse(r));
    AddressPlan addressPlan = plan != null ? AddressPlan.read(plan) : site != null ? AddressPlan.singleSite(site) : null;
    ModelCatalog catalog = storeOptions.catalog();
    RpcTimeouts timeouts = new RpcTimeouts(timeout, Duration.ofSeconds(3), Duration.ofSeconds(6), 1 << 20);
    Progress progress = new Progress("scan");
    NetworkScanner scanner = new NetworkScanner(new FirmwareProbe(catalog, timeouts, Clock.systemUTC()), concurrency);
    ScanReport report = scanner.scan(cidrs, port, (done, total, found) -> progress.update(done, total, String.format("addresses, %,d miners", found)));
    progress.finish();

    HealthClassifier classifier = new HealthClassifier(catalog, HealthRules.DEFAULT);
    List<FleetMiner> toRegister = new ArrayList<>();
    Table table = new Table("ADDRESS", "MAKE", "MODEL", "FIRMWARE", "TH/S", "AVG TH/S", "HEALTH", "SITE", "RACK", "POS");
    for (FoundMiner f : report.found()) {
      MinerLocation loc = addressPlan == null ? MinerLocation.UNKNOWN : addressPlan.locate(f.address().host());
      toRegister.add(new FleetMiner(f.address(), f.identity(), loc));
      HealthState health = HealthState.OFFLINE;
      String detail = f.pollError();
      if (f.telemetry() != null) {
        List<Problem> problems = classifier.problems(f.telemetry());
        health = HealthClassifier.worst(problems);
        detail = problems.isEmpty() ? null : problems.get(0).detail();
      }
      if (json) {
        System.out.println(Json.line(MinerRow.of(f.address(), f.identity(), loc, f.telemetry(), health, detail, catalog)));
      } else {
        table.row(f.address(), f.identity().make().label(), f.identity().modelName(), f.identity().firmware(),
            f.telemetry() == null ? null : String.format("%.2f", f.telemetry().hashrateNow().ths()),
            f.telemetry() == null ? null : String.format("%.2f", f.telemetry().hashrateAvg().ths()),
            health.code(), loc.site(), loc.rack(), loc.position());
      }
    }
    if (!json) table.print(System.out);
    for (String n : report.notMiners()) System.err.println("scan: not a miner: " + n);
    System.err.printf("scan: %,d miners in %,d addresses (%s) in %.1f s%n", report.found().size(), report.probed(),
        String.join(" ", ranges), report.took().toMillis() / 1000.0);
    if (register) {
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        int n = store.upsertMiners(toRegister);
        System.err.printf("scan: registered %,d miners in %s (fleet now %,d)%n", n, storeOptions.store(), store.minerCount());
      }
    }
    return 0;
  }
}
