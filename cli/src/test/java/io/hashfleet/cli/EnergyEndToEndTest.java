package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.cli.runtime.Collector;
import io.hashfleet.cli.runtime.EnergyControl;
import io.hashfleet.cli.runtime.FirmwareCommandSender;
import io.hashfleet.collect.control.ControlSettings;
import io.hashfleet.collect.control.MinerControl;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanProgress;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.execution.ExecutionReport;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demand-response call against a simulated site of LuxOS and Braiins OS miners: the controller
 * sheds the megawatts least efficient first through each firmware's own API, telemetry confirms the
 * power fell, and when the event ends every miner it slept is woken and hashes again. Machines whose
 * firmware refuses are replaced by the next ones that obey.
 */
class EnergyEndToEndTest {
  @Test
  void aDemandResponseCallShedsConfirmsAndWakesEverythingAfterwards(@TempDir Path dir) throws Exception {
    try (Site site = Site.start(dir, "127.57.0", 40, 11, "odessa")) {
        SimFleet sim = site.sim;
        AuditTrail trail = site.trail;
        EnergyControl energy = site.energy;

        // Shed 20 kW: about six machines, all of them S19j Pros (the least efficient here).
        ExecutionReport r = energy.demandResponse("ers-1", "odessa", 20_000, Duration.ofSeconds(2), Duration.ofSeconds(2), "test");
        assertThat(r.refused()).isEmpty();
        assertThat(r.failed()).isEmpty();
        long accepted = r.acceptedSleepWatts()[0];
        assertThat(accepted).isGreaterThanOrEqualTo(20_000);
        List<EnergyAction> done = trail.actions("ers-1").stream().filter(a -> a.outcome() == EnergyAction.Outcome.ACCEPTED).toList();
        List<String> slept = done.stream().filter(a -> a.command() == EnergyAction.Command.SLEEP).map(EnergyAction::address).toList();
        // The machine whose sleep would overshoot the cap may be trimmed with a power target
        // instead, where the firmware (Braiins OS) takes one; where it refuses, more sleeps replace it.
        List<String> turnedDown = done.stream().filter(a -> a.command() == EnergyAction.Command.POWER_TARGET).map(EnergyAction::address).toList();
        assertThat(slept).allSatisfy(a -> assertThat(modelOf(sim, a)).isEqualTo("s19jpro"));
        assertThat(turnedDown).allSatisfy(a -> assertThat(sim.at(a.substring(0, a.indexOf(':'))).orElseThrow().dialect()).isEqualTo(Dialect.BRAIINS_OS));

        // The next polls see them asleep (or at their target): confirmed from telemetry.
        long[] confirmedShed = new long[1];
        int confirmations = tickUntil(energy, done.size(), Duration.ofSeconds(15),
            t -> confirmedShed[0] += t.confirmation().confirmedSleepWatts() + t.confirmation().confirmedTargetWatts());
        assertThat(confirmations).isEqualTo(done.size());
        assertThat(confirmedShed[0]).isEqualTo(accepted);

        // The event ends (2 s deadline + 2 s): the controller wakes every one and closes the event; they boot and hash again.
        var end = trail.event("ers-1").orElseThrow().endsAt();
        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), end).toMillis() + 100));
        var t2 = energy.tick();
        assertThat(t2.wakesDue()).isEqualTo(done.size());
        assertThat(t2.wakes().accepted()).isEqualTo(done.size()); // woken, or back to nominal
        assertThat(t2.closedEvents()).containsExactly("ers-1"); // every miner it slept has been told to wake
        assertThat(tickUntil(energy, done.size(), Duration.ofSeconds(15), t -> {})).isEqualTo(done.size()); // boot (1 s) and a poll
        assertThat(trail.events(true)).isEmpty();
        for (String a : slept) assertThat(sim.at(a.substring(0, a.indexOf(':'))).orElseThrow().avgThs()).isPositive();
    }
  }

  @Test
  void twoEventsEndingTogether_areBothWokenInOneTick_andItsReportCountsBoth(@TempDir Path dir) throws Exception {
    try (Site site = Site.start(dir, "127.61.0", 30, 15, "odessa", "s19xp:50,s19jpro:50", "luxos:1", s -> s)) {
      ExecutionReport a = site.energy.demandResponse("ers-a", "odessa", 7_000, Duration.ofSeconds(1), Duration.ofSeconds(1), "test");
      ExecutionReport b = site.energy.demandResponse("ers-b", "odessa", 7_000, Duration.ofSeconds(1), Duration.ofSeconds(1), "test");
      assertThat(a.accepted()).isPositive();
      assertThat(b.accepted()).as("the second call sheds on top of the first").isPositive();

      var end = site.trail.event("ers-b").orElseThrow().endsAt();
      Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), end).toMillis() + 100));
      var t = site.energy.tick();

      assertThat(t.wakesDue()).isEqualTo(a.accepted() + b.accepted());
      assertThat(t.wakes().accepted()).isEqualTo(a.accepted() + b.accepted());
      assertThat(site.trail.actions("ers-a")).filteredOn(x -> x.command() == EnergyAction.Command.WAKE).hasSize(a.accepted());
      assertThat(site.trail.actions("ers-b")).filteredOn(x -> x.command() == EnergyAction.Command.WAKE).hasSize(b.accepted());
    }
  }

  @Test
  void machinesThatRefuse_areReplacedByOthersThatObey_avalonsAmongThem(@TempDir Path dir) throws Exception {
    // Stock Antminers with the wrong web login refuse (HTTP 401); LuxOS S19j Pros and Avalons obey.
    try (Site site = Site.start(dir, "127.60.0", 24, 14, "odessa", "s19jpro:50,a1366:50", "stock:1,luxos:1",
        s -> s.withAntminer(new io.hashfleet.collect.control.Credentials("root", "not-the-password")))) {
      SimFleet sim = site.sim;
      List<String> stock = sim.miners().stream().filter(v -> v.dialect() == Dialect.BITMAIN).map(v -> v.ip() + ":" + v.port()).toList();
      assertThat(stock).isNotEmpty();

      // 40 kW: more than the S19j Pros that obey can shed, so Avalons (25 J/TH, next least efficient) make up the rest
      ExecutionReport r = site.energy.demandResponse("ers-2", "odessa", 40_000, Duration.ofSeconds(1), Duration.ofSeconds(1), "test");

      assertThat(r.failed()).isEmpty();
      assertThat(r.refused()).isNotEmpty().allSatisfy(f -> assertThat(f).contains("HTTP 401"));
      assertThat(r.refused()).extracting(f -> f.substring(0, f.indexOf(": "))).allSatisfy(a -> assertThat(stock).contains(a));
      assertThat(r.acceptedSleepWatts()[0]).isGreaterThanOrEqualTo(40_000);
      List<String> slept = site.trail.actions("ers-2").stream().filter(a -> a.outcome() == EnergyAction.Outcome.ACCEPTED)
          .map(EnergyAction::address).toList();
      assertThat(slept).noneMatch(stock::contains);
      assertThat(slept).anySatisfy(a -> assertThat(modelOf(sim, a)).isEqualTo("a1366"));

      // the poller reads the Avalons' standby like any other sleep, and they wake when the event ends
      assertThat(tickUntil(site.energy, slept.size(), Duration.ofSeconds(15), t -> {})).isEqualTo(slept.size());
      var end = site.trail.event("ers-2").orElseThrow().endsAt();
      Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), end).toMillis() + 100));
      assertThat(site.energy.tick().wakes().accepted()).isEqualTo(slept.size());
    }
  }

  @Test
  void aDryRunWhileTheControllerHoldsTheStoreAsksTheController_andTheCallInForceKeepsItsCap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fleet.duckdb");
    try (Site site = Site.start(dir, "127.62.0", 30, 16, "odessa", "s19xp:50,s19jpro:50", "luxos:1", s -> s);
        var endpoint = new io.hashfleet.cli.runtime.LiveEndpoint(site.collector, ModelCatalog.bundled(), file.toAbsolutePath().toString(), 0, site.energy)) {
      ExecutionReport r = site.energy.demandResponse("ers-d", "odessa", 7_000, Duration.ofMinutes(1), Duration.ofMinutes(30), "test");
      assertThat(r.accepted()).isPositive();

      // Power this cheap would wake everything on economics alone; the call in force must still cap the site.
      CliRun plan = CliRun.of("energy", "plan", "--price", "20", "--hashprice", "60", "--min-off", "0s", "--store", file.toString(),
          "--live-port", Integer.toString(endpoint.port()), "--json");
      assertThat(plan.exitCode()).as(plan.err()).isZero();
      com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.out());
      assertThat(j.path("source").asText()).isEqualTo("running controller");
      assertThat(j.path("machines").asInt()).isEqualTo(30);
      com.fasterxml.jackson.databind.JsonNode odessa = j.path("sites").get(0);
      assertThat(odessa.path("limit_mw").isNumber()).as("the call's cap").isTrue();
      assertThat(odessa.path("planned_mw").asDouble()).isLessThanOrEqualTo(odessa.path("limit_mw").asDouble());
      assertThat(j.path("wake").asInt()).isLessThan(r.accepted());

      CliRun text = CliRun.of("energy", "plan", "--price", "20", "--hashprice", "60", "--store", file.toString(), "--live-port",
          Integer.toString(endpoint.port()));
      assertThat(text.out()).startsWith("Dry run at ").contains("(running controller): 30 machines").contains("demand response ers-d");

      CliRun bad = CliRun.of("energy", "plan", "--price", "20", "--hashprice", "60", "--shed", "nowhere=1", "--store", file.toString(), "--live-port",
          Integer.toString(endpoint.port()));
      assertThat(bad.exitCode()).isNotZero();
      assertThat(bad.err()).contains("the running controller refused the dry run").contains("nowhere");
    }
  }

  @Test
  void aCallThroughTheLiveEndpointIsCarriedOutAndWrittenToTheConsoleAuditLog(@TempDir Path dir) throws Exception {
    try (Site site = Site.start(dir, "127.59.0", 20, 13, "odessa");
        var endpoint = new io.hashfleet.cli.runtime.LiveEndpoint(site.collector, ModelCatalog.bundled(), "test", 0, site.energy,
            new io.hashfleet.console.access.ConsoleAudit(site.store, Clock.systemUTC()))) {
      var http = java.net.http.HttpClient.newHttpClient();
      var reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + endpoint.port() + "/energy/events"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"site\":\"odessa\",\"shed_mw\":0.01,\"id\":\"ers-9\",\"source\":\"grid-desk\"}"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).contains("\"event\":\"ers-9\"");
      assertThat(site.trail.actions("ers-9")).isNotEmpty();
      var log = new io.hashfleet.console.access.ConsoleAudit(site.store, Clock.systemUTC()).entries(null, 10);
      assertThat(log).extracting(e -> e.action() + " " + e.target()).containsExactly("command_result ers-9", "command odessa");
      assertThat(log.get(1).detail()).contains("ers-9", "grid-desk", "shed 0.01 MW");
    }
  }

  @Test
  void economicDispatchSleepsTheModelThatNoLongerPaysAtThisPrice(@TempDir Path dir) throws Exception {
    try (Site site = Site.start(dir, "127.58.0", 20, 12, "west")) {
        SimFleet sim = site.sim;
        AuditTrail trail = site.trail;
        EnergyControl energy = site.energy;
        Collector collector = site.collector;
        // $80/MWh now, hashprice $50/PH/day: an S19j Pro earns $70.62/MWh (sleep), an S19 XP $96.90 (run)
        var now = java.time.Instant.now();
        var prices = io.hashfleet.energy.price.PowerPrices.of(List.of(new io.hashfleet.energy.price.PriceInterval(now.minusSeconds(60),
            Duration.ofMinutes(15), new java.math.BigDecimal("80"))));
        ExecutionReport r = energy.economicDispatch(prices, new java.math.BigDecimal("50"), java.math.BigDecimal.ZERO, Duration.ZERO, Duration.ZERO)
            .orElseThrow();
        long jpros = sim.miners().stream().filter(v -> v.modelId().equals("s19jpro")).count();
        assertThat(r.accepted()).isEqualTo((int) jpros);
        List<String> slept = trail.actions(null).stream().filter(a -> a.outcome() == EnergyAction.Outcome.ACCEPTED).map(EnergyAction::address).toList();
        assertThat(slept).hasSize((int) jpros).allSatisfy(a -> assertThat(modelOf(sim, a)).isEqualTo("s19jpro"));
        // the same price again changes nothing: the plan is already carried out
        assertThat(energy.economicDispatch(prices, new java.math.BigDecimal("50"), java.math.BigDecimal.ZERO, Duration.ZERO, Duration.ZERO)).isEmpty();
        // a site limit under the load that is left: the least efficient of the running S19 XPs go until it fits
        long xps = sim.size() - jpros; // about 3 kW each
        ExecutionReport capped = energy.economicDispatch(prices, new java.math.BigDecimal("50"), java.math.BigDecimal.ZERO, Duration.ZERO, Duration.ZERO,
            io.hashfleet.energy.signal.FourCpWindows.none(), java.util.Map.of("west", 15_000L)).orElseThrow();
        assertThat(capped.accepted()).isBetween((int) xps - 5, (int) xps - 4); // four or five S19 XPs fit in 15 kW
        // a 4CP risk window now: everything still running goes to sleep, whatever the price
        var window = io.hashfleet.energy.signal.FourCpWindows.of(List.of(new io.hashfleet.energy.signal.FourCpWindows.Window(now.minusSeconds(60),
            now.plusSeconds(3600), "peak notice")));
        ExecutionReport peak = energy.economicDispatch(prices, new java.math.BigDecimal("50"), java.math.BigDecimal.ZERO, Duration.ZERO, Duration.ZERO,
            window, java.util.Map.of()).orElseThrow();
        assertThat(peak.accepted()).isEqualTo(sim.size() - (int) jpros - capped.accepted());
    }
  }

  /**
   * A simulated site of LuxOS and Braiins OS miners (half S19 XP, half S19j Pro) with fast sleep and
   * boot, scanned and registered, polled every 500 ms, and an energy controller over it.
   */
  private static final class Site implements AutoCloseable {
    final SimFleet sim;
    final FleetStore store;
    final MinerControl control;
    final Collector collector;
    final AuditTrail trail;
    final EnergyControl energy;

    private Site(SimFleet sim, FleetStore store, MinerControl control, Collector collector) {
      this.sim = sim;
      this.store = store;
      this.control = control;
      this.collector = collector;
      this.trail = new AuditTrail(store);
      this.energy = new EnergyControl(collector.live(), ModelCatalog.bundled(), trail, new FirmwareCommandSender(control, collector), collector.pollHold(),
          Clock.systemUTC(), Duration.ofSeconds(20), 5_000_000);
    }

    /** @param net the first three octets of the loopback /24 the miners live in */
    static Site start(Path dir, String net, int miners, long seed, String siteName) throws Exception {
      return start(dir, net, miners, seed, siteName, "s19xp:50,s19jpro:50", "luxos:1,braiins:1", s -> s);
    }

    /**
     * @param models the sim's model mix; {@code firmware} its Antminer firmware mix
     * @param control changes to the control settings (wrong credentials, say); the web port is the sim's
     */
    static Site start(Path dir, String net, int miners, long seed, String siteName, String models, String firmware,
        java.util.function.UnaryOperator<ControlSettings> control) throws Exception {
      ModelCatalog catalog = ModelCatalog.bundled();
      SimConfig config = new SimConfig(miners, Cidr.parse(net + ".0/24"), SimConfig.parseMix(models),
          SimConfig.parseMix(firmware), 0, seed, "0.0.0.0", 0, catalog).withPowerTiming(Duration.ofMillis(300), Duration.ofSeconds(1));
      RpcTimeouts timeouts = new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(1500), 1 << 20);
      SimFleet sim = SimFleet.start(config);
      FleetStore store = FleetStore.open(dir.resolve("fleet.duckdb"));
      MinerControl commands = new MinerControl(control.apply(ControlSettings.DEFAULT.withTimeouts(timeouts).withAntminerWebPort(sim.httpPort())
          .withBraiinsGrpcPort(sim.grpcPort())));
      int prefix = 32 - (32 - Integer.numberOfLeadingZeros(miners - 1));
      List<FoundMiner> found = new NetworkScanner(new FirmwareProbe(catalog, timeouts, Clock.systemUTC()), 32)
          .scan(List.of(Cidr.parse(net + ".0/" + prefix)), sim.port(), ScanProgress.NONE).found();
      List<FleetMiner> fleet = new ArrayList<>();
      for (FoundMiner f : found) fleet.add(new FleetMiner(f.address(), f.identity(), new MinerLocation(siteName, "R1", null)));
      store.upsertMiners(fleet);
      PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofMillis(500)).withConcurrency(32).withTimeouts(timeouts);
      Collector collector = new Collector(store, catalog, settings, Duration.ofDays(7), Clock.systemUTC()).start();
      Thread.sleep(1_500); // every miner polled at least once
      return new Site(sim, store, commands, collector);
    }

    @Override
    public void close() {
      collector.close();
      control.close();
      store.close();
      sim.close();
    }
  }

  /** Ticks until {@code expected} commands are confirmed in all, or the time is up; returns how many were. */
  private static int tickUntil(EnergyControl energy, int expected, Duration within, java.util.function.Consumer<EnergyControl.TickResult> each)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    int confirmed = 0;
    while (confirmed < expected && System.nanoTime() < deadline) {
      Thread.sleep(300);
      EnergyControl.TickResult t = energy.tick();
      confirmed += t.confirmation().confirmed();
      each.accept(t);
    }
    return confirmed;
  }

  private static String modelOf(SimFleet sim, String address) {
    VirtualMinerView v = sim.at(address.substring(0, address.indexOf(':'))).orElseThrow();
    return v.modelId();
  }
}

