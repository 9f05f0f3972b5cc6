package io.hashfleet.cli.command;

import io.hashfleet.cli.output.Progress;
import io.hashfleet.cli.runtime.Collector;
import io.hashfleet.cli.runtime.ConsoleRuntime;
import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.demo.DemoAccounts;
import io.hashfleet.console.money.ReportView;
import io.hashfleet.console.web.ConsoleServer;
import io.hashfleet.cli.runtime.EnergyControl;
import io.hashfleet.cli.runtime.FirmwareCommandSender;
import io.hashfleet.collect.control.ControlSettings;
import io.hashfleet.collect.control.MinerControl;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.cli.runtime.LiveEndpoint;
import io.hashfleet.cli.runtime.LiveFleet;
import io.hashfleet.collect.discovery.AddressPlan;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanReport;
import io.hashfleet.collect.poll.PollCycleStats;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.money.cost.HostingContracts;
import io.hashfleet.money.report.Peers;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job: poll the fleet, store what it does, keep alerts, show live status. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Poll every registered miner on a schedule, store samples and rollups, raise alerts, print live status.")
public final class UpCommand implements Callable<Integer> {
  private static final String DEMO_RANGE = "127.77.0.0/16";

  @Option(names = "--demo", description = "Start a simulated fleet first and register it (nothing else needed).") boolean demo;

  @Option(names = "--demo-miners", defaultValue = "2000", description = "Size of the demo fleet (default: ${DEFAULT-VALUE}).") int demoMiners;

  @Option(names = "--interval", converter = DurationConverter.class, description = "Time between two polls of a miner (default: 60s; 15s with --demo).")
  Duration interval;

  @Option(names = "--concurrency", defaultValue = "4096", description = "Polls in flight at most (default: ${DEFAULT-VALUE}).") int concurrency;

  @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class, description = "Read timeout per poll; the whole exchange gets twice this (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--retention", defaultValue = "7d", converter = DurationConverter.class, description = "How long raw samples are kept; rollups stay (default: ${DEFAULT-VALUE}).")
  Duration retention;

  @Option(names = "--status-every", defaultValue = "10s", converter = DurationConverter.class, description = "How often to print live status (default: ${DEFAULT-VALUE}).")
  Duration statusEvery;

  @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (default: run until interrupted).")
  Duration duration;

  @Option(names = "--live-port", defaultValue = "8408", description = "Loopback port where `status` and `miners` read live data (default: ${DEFAULT-VALUE}; 0 = off).")
  int livePort;

  @Option(names = "--energy", description = "Run the energy controller: take demand-response calls (`hashfleet energy event`), send sleep and wake "
      + "through each miner's firmware, confirm them from telemetry, wake miners when their event ends.") boolean energy;

  @Option(names = "--prices", paramLabel = "FILE", description = "With --energy: power prices (ERCOT settlement point CSV or interval_start,price_usd_per_mwh); "
      + "each status tick runs economic dispatch for the interval in force.") java.nio.file.Path prices;

  @Option(names = "--settlement-point", paramLabel = "NAME", description = "Which settlement point of an ERCOT price file.") String settlementPoint;

  @Option(names = "--hashprice", paramLabel = "USD_PER_PH_DAY", description = "With --prices: hashprice for economic dispatch.") java.math.BigDecimal hashprice;

  @Option(names = "--site-limit", paramLabel = "SITE=MW", description = "With --prices: a site's contracted capacity or feeder limit (repeatable).")
  java.util.Map<String, java.math.BigDecimal> siteLimits = new java.util.LinkedHashMap<>();

  @Option(names = "--credit", defaultValue = "0", paramLabel = "USD_PER_MWH", description = "With --prices: credit per MWh for being off (default: ${DEFAULT-VALUE}).")
  java.math.BigDecimal credit;

  @Option(names = "--4cp", description = "With --prices: stay off on June–September weekday afternoons, 15:00–18:00 Central time (4CP risk).")
  boolean fourCp;

  @Option(names = "--antminer-web-port", defaultValue = "80", description = "Port of stock Antminers' web interface, for power commands (default: ${DEFAULT-VALUE}).")
  int antminerWebPort;

  @Option(names = "--console-port", defaultValue = "8080", description = "Port of the web console and REST API (default: ${DEFAULT-VALUE}; 0 = off).")
  int consolePort;

  @Option(names = "--console-host", defaultValue = "127.0.0.1",
      description = "Address the console listens on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface, behind TLS).")
  String consoleHost;

  @Option(names = "--hosting", paramLabel = "FILE.csv", description = "Hosting contracts for the console's monthly report, as `report monthly --hosting` takes them.")
  Path hosting;

  @Option(names = "--peers", paramLabel = "FILE.csv", description = "Peers' published months for the console's monthly report: company,month,hashrate,btc.")
  Path peers;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws Exception {
    ModelCatalog catalog = storeOptions.catalog();
    ReportView.Settings reports = reportSettings(); // a bad file stops `up` before it starts anything
    Duration every = interval != null ? interval : demo ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    RpcTimeouts timeouts = new RpcTimeouts(Duration.ofSeconds(3), timeout, timeout.multipliedBy(2), 1 << 20);
    PollSettings settings = PollSettings.DEFAULT.withInterval(every).withConcurrency(concurrency).withTimeouts(timeouts);
    PrintStream out = System.out;
    SimFleet sim = demo ? startDemoFleet(out) : null;
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      List<DemoAccounts.Login> demoLogins = List.of();
      if (sim != null) {
        registerDemoFleet(sim, store, catalog, out);
        demoLogins = DemoAccounts.create(new Accounts(store, Clock.systemUTC()), store.miners());
      }
      if (store.minerCount() == 0) {
        throw new IllegalArgumentException("no miners registered in " + storeOptions.store()
            + ": run `hashfleet scan RANGE --register` first, or `hashfleet up --demo`");
      }
      try (Collector collector = new Collector(store, catalog, settings, retention, Clock.systemUTC()).start();
          MinerControl control = new MinerControl(sim != null
              ? ControlSettings.DEFAULT.withAntminerWebPort(sim.httpPort()).withBraiinsGrpcPort(sim.grpcPort())
              : ControlSettings.DEFAULT.withAntminerWebPort(antminerWebPort))) {
        io.hashfleet.energy.price.PowerPrices powerPrices = energy && prices != null ? loadPrices() : null;
        EnergyControl energyControl = energy ? new EnergyControl(collector.live(), catalog, new AuditTrail(store),
            new FirmwareCommandSender(control, collector), collector.pollHold(), Clock.systemUTC(), Duration.ofMinutes(10), 5_000_000) : null;
        if (energy) control.warmUp(); // the first power target of a call should not pay for the gRPC client's start
        try (LiveEndpoint endpoint = openEndpoint(collector, catalog, energyControl);
            ConsoleServer console = openConsole(store, catalog, energyControl, reports)) {
          if (console != null) printConsole(console, demoLogins, out);
          out.printf("up: polling %,d miners every %ds (concurrency %d), store %s%s%s%n", collector.live().size(), every.toSeconds(),
              concurrency, storeOptions.store(), endpoint == null ? "" : ", live status on 127.0.0.1:" + livePort,
              energyControl == null ? "" : "; energy controller on");
          Thread main = Thread.currentThread();
          Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt));
          runUntilDone(collector, energyControl, powerPrices, out);
        }
        out.println("up: stopping, writing what is queued");
      }
    } finally {
      if (sim != null) sim.close();
    }
    return 0;
  }

  private LiveEndpoint openEndpoint(Collector collector, ModelCatalog catalog, EnergyControl energyControl) {
    if (livePort == 0) return null;
    try {
      return new LiveEndpoint(collector, catalog, storeOptions.store().toAbsolutePath().toString(), livePort, energyControl,
          new io.hashfleet.console.access.ConsoleAudit(collector.store(), Clock.systemUTC()));
    } catch (BindException e) {
      System.err.println("up: live status port " + livePort + " is taken (another `hashfleet up`?); running without it");
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReportView.Settings reportSettings() throws IOException {
    ReportView.Settings none = ReportView.Settings.none();
    return new ReportView.Settings(hosting == null ? none.contracts() : HostingContracts.read(hosting), peers == null ? none.peers() : Peers.read(peers));
  }

  private ConsoleServer openConsole(FleetStore store, ModelCatalog catalog, EnergyControl energyControl, ReportView.Settings reports) {
    if (consolePort == 0) return null;
    try {
      return ConsoleRuntime.start(store, catalog, energyControl, reports, consoleHost, consolePort, Clock.systemUTC());
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          System.err.println("up: console port " + consolePort + " is taken; running without the console (choose another with --console-port)");
          return null;
        }
      }
      throw e;
    }
  }

  private void printConsole(ConsoleServer console, List<DemoAccounts.Login> logins, PrintStream out) {
    String host = consoleHost.equals("0.0.0.0") ? "127.0.0.1" : consoleHost;
    out.printf("up: console on http://%s:%d/ (API under /api/, described at /openapi.json)%n", host, console.port());
    if (logins.isEmpty()) return;
    out.println("up --demo: console logins (user / password / role / tenant):");
    for (DemoAccounts.Login l : logins) out.printf("  %-17s %-20s %-15s %s%n", l.username(), l.password(), l.role(), l.tenant());
  }

  private io.hashfleet.energy.signal.FourCpWindows fourCpWindows() {
    if (!fourCp) return io.hashfleet.energy.signal.FourCpWindows.none();
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    return io.hashfleet.energy.signal.FourCpWindows.configured(today.minusDays(1), today.plusDays(1), java.time.LocalTime.of(15, 0),
        java.time.LocalTime.of(18, 0));
  }

  private io.hashfleet.energy.price.PowerPrices loadPrices() throws IOException {
    if (hashprice == null) throw new IllegalArgumentException("--prices needs --hashprice (USD per PH/s per day) to decide what pays");
    return io.hashfleet.energy.price.PriceFiles.read(prices, settlementPoint).orThrow();
  }

  private void runUntilDone(Collector collector, EnergyControl energyControl, io.hashfleet.energy.price.PowerPrices powerPrices, PrintStream out) {
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    long lastPolls = 0;
    long lastAt = System.nanoTime();
    try {
      while (System.nanoTime() < end) {
        Thread.sleep(Math.max(1, Math.min(statusEvery.toMillis(), (end - System.nanoTime()) / 1_000_000)));
        PollCycleStats stats = collector.stats();
        long now = System.nanoTime();
        long polls = stats.polls();
        double rate = (polls - lastPolls) / ((now - lastAt) / 1e9);
        lastPolls = polls;
        lastAt = now;
        out.println(statusLine(collector, rate, stats));
        if (energyControl != null) {
          if (powerPrices != null) {
            java.util.Map<String, Long> limits = new java.util.HashMap<>();
            siteLimits.forEach((site, mw) -> limits.put(site, mw.movePointRight(6).longValue()));
            var r = energyControl.economicDispatch(powerPrices, hashprice, credit, Duration.ofMinutes(15), Duration.ofMinutes(15), fourCpWindows(), limits);
            r.ifPresent(x -> out.printf("energy: economic dispatch: %d commands, %d accepted, %d refused, %d failed%n", x.orders(), x.accepted(),
                x.refused().size(), x.failed().size()));
          }
          EnergyControl.TickResult t = energyControl.tick();
          var c = t.confirmation();
          if (c.confirmed() + c.unconfirmed() + t.wakesDue() + t.closedEvents().size() > 0) {
            out.printf("energy: %d confirmed (%.3f MW asleep), %d pending, %d unconfirmed; %d wakes due; closed %s%n", c.confirmed(),
                c.confirmedSleepWatts() / 1e6, c.pending(), c.unconfirmed(), t.wakesDue(), t.closedEvents());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String statusLine(Collector collector, double pollsPerSecond, PollCycleStats stats) {
    LiveFleet.Summary s = collector.live().summary();
    StringBuilder b = new StringBuilder();
    b.append(LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"))).append("Z  ");
    b.append(String.format("fleet %s  polled %,d/%,d  ", s.hashrate(), s.polled(), s.registered()));
    for (Map.Entry<HealthState, Long> e : s.byState().entrySet()) b.append(e.getKey().code()).append(' ').append(String.format("%,d", e.getValue())).append("  ");
    b.append(String.format("alerts %,d  %.0f polls/s p50 %.1f ms p99 %.1f ms  stored %,d",
        collector.alerts().openCount(), pollsPerSecond, stats.latencyMicros(50) / 1000.0, stats.latencyMicros(99) / 1000.0, collector.writer().written()));
    if (collector.writer().dropped() > 0) b.append(String.format("  DROPPED %,d", collector.writer().dropped()));
    return b.toString();
  }

  private SimFleet startDemoFleet(PrintStream out) {
    SimConfig config = new SimConfig(demoMiners, Cidr.parse(DEMO_RANGE), SimConfig.parseMix("s19xp:55,s21:20,s19jpro:10,m50s:10,m60s:5"),
        SimConfig.DEFAULT_FIRMWARE_MIX, 3, 7, "0.0.0.0", 4028, ModelCatalog.bundled());
    SimFleet sim;
    try {
      sim = SimFleet.start(config);
    } catch (RuntimeException e) {
      // Port 4028 taken (a `hashfleet sim` already running): the demo takes any free port instead.
      sim = SimFleet.start(config.withPort(0));
    }
    out.printf("up --demo: simulated fleet of %,d miners on %s port %d (3%% with faults)%n", sim.size(), DEMO_RANGE, sim.port());
    return sim;
  }

  /**
   * The demo's racks hold 40 machines, as real ones do, not the 256 of an address octet: rack and
   * position come from the host number, the site from the address plan.
   */
  private static MinerLocation demoLocation(AddressPlan plan, String host) {
    MinerLocation planned = plan.locate(host);
    String[] octets = host.split("\\.");
    int n = Integer.parseInt(octets[2]) * 256 + Integer.parseInt(octets[3]);
    return new MinerLocation(planned.site(), "R" + (n / 40 + 1), n % 40 + 1);
  }

  private void registerDemoFleet(SimFleet sim, FleetStore store, ModelCatalog catalog, PrintStream out) throws Exception {
    Path plan = Files.createTempFile("hashfleet-demo-plan", ".csv");
    try {
      Files.writeString(plan, "127.77.0.0/22, dallas, R{c}, {d}\n127.77.0.0/16, odessa, R{c}, {d}\n");
      AddressPlan addressPlan = AddressPlan.read(plan);
      int hostsNeeded = 32 - Integer.numberOfLeadingZeros(Math.max(1, sim.size() - 1));
      Cidr range = new Cidr(Cidr.parse(DEMO_RANGE).base(), Math.max(16, 32 - hostsNeeded));
      RpcTimeouts timeouts = new RpcTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20);
      Progress progress = new Progress("up --demo: discovering");
      ScanReport report = new NetworkScanner(new FirmwareProbe(catalog, timeouts, Clock.systemUTC()), 1000)
          .scan(List.of(range), sim.port(), (done, total, found) -> progress.update(done, total, String.format("addresses, %,d miners", found)));
      progress.finish();
      List<FleetMiner> miners = new ArrayList<>();
      java.util.Set<String> found = new java.util.HashSet<>();
      for (FoundMiner f : report.found()) {
        miners.add(new FleetMiner(f.address(), f.identity(), demoLocation(addressPlan, f.address().host())));
        found.add(f.address().host());
      }
      // The site's inventory lists every installed machine, including those that do not answer
      // now: register them too, so they show as offline instead of vanishing.
      for (var v : sim.miners()) {
        if (!found.contains(v.ip())) miners.add(new FleetMiner(new MinerAddress(v.ip(), sim.port()), MinerIdentity.UNKNOWN, demoLocation(addressPlan, v.ip())));
      }
      store.upsertMiners(miners);
      out.printf("up --demo: scanned %s in %.1f s: %,d miners answered, %,d more registered from the inventory%n",
          range, report.took().toMillis() / 1000.0, found.size(), miners.size() - found.size());
    } finally {
      Files.deleteIfExists(plan);
    }
  }
}
