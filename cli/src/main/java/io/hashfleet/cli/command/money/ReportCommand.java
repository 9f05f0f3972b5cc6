package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.cost.HostingContracts;
import io.hashfleet.money.report.MarkdownReport;
import io.hashfleet.money.report.MonthlyReport;
import io.hashfleet.money.report.MonthlyReportBuilder;
import io.hashfleet.money.report.Peers;
import io.hashfleet.money.report.ReportFiles;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reports the owner publishes. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports: the monthly production update.",
    subcommands = {ReportCommand.Monthly.class})
public final class ReportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "monthly", mixinStandardHelpOptions = true,
      description = "The monthly production update: BTC mined and expected, hashrate, uptime, efficiency, energy, cost per BTC, "
          + "holdings, network share, peers. Writes Markdown and HTML (with charts), CSV and JSON.")
  static final class Monthly implements Callable<Integer> {
    @Option(names = "--month", required = true, paramLabel = "YYYY-MM") String month;
    @Option(names = "--out", defaultValue = ".hashfleet/reports", paramLabel = "DIR", description = "Where to write the files (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--hashrate", paramLabel = "RATE", description = "Operating hashrate to use when the store has no telemetry for the month (a hosted fleet).")
    String hashrate;
    @Option(names = "--hosting", paramLabel = "FILE.csv", description = "Hosting contracts: operator,site,pricing,usd_per_kwh[,fee_usd_per_kwh,uptime_sla_pct,minimum_take_kw].")
    Path hosting;
    @Option(names = "--peers", paramLabel = "FILE.csv", description = "Peers' published months: company,month,hashrate,btc.") Path peers;
    @Option(names = "--company", defaultValue = "This fleet", description = "This fleet's name in the peers table.") String company;
    @Option(names = "--lag-days", defaultValue = "1", description = "A payout pays for the day this many days before it (default: ${DEFAULT-VALUE}).")
    int lagDays;
    @Option(names = "--json", description = "Also print the report's JSON on stdout.") boolean json;
    @Mixin FeeOptions feeOptions;
    @Mixin ChainOptions chainOptions;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
      YearMonth m;
      try {
        m = YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--month '" + month + "': expected YYYY-MM such as 2024-12");
      }
      long started = System.nanoTime();
      // Fonts and chart classes load on another core while the store opens and answers.
      Thread warmCharts = Thread.ofPlatform().daemon().start(io.hashfleet.money.report.ReportCharts::warmUp);
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        MonthlyReportBuilder b = new MonthlyReportBuilder(store, chainOptions.history(store), storeOptions.catalog())
            .fees(feeOptions.assumption(store)).payoutLagDays(lagDays).company(company);
        // The same books as `payouts list`; with --owner, that owner's machines too, as the console shows it.
        b.books(ownerOptions.books(store));
        if (ownerOptions.owner != null) b.owner(ownerOptions.owner);
        if (hashrate != null) b.statedHashrate(Hashrate.parse(hashrate));
        if (hosting != null) b.contracts(HostingContracts.read(hosting));
        if (peers != null) b.peers(Peers.read(peers));
        MonthlyReport r = b.build(m);
        warmCharts.join();
        List<Path> files = ReportFiles.write(r, out);
        if (json) {
          System.out.println(Json.pretty(ReportFiles.json(r)));
        } else {
          System.out.printf("Production update %s: mined %s, expected %s, operating %s, held %s%n", m, MarkdownReport.btc(r.actualBtc()),
              MarkdownReport.btc(r.expectedBtc()), String.format("%.2f EH/s", r.averageOperating().ehs()), MarkdownReport.btc(r.holdings()));
          for (String n : r.notes()) System.out.println("  note: " + n);
          for (Path f : files) System.out.println("  wrote " + f);
        }
        System.err.printf("report built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      }
      return 0;
    }
  }
}
