package io.hashfleet.bench;

import io.hashfleet.cli.runtime.Collector;
import io.hashfleet.cli.runtime.EnergyControl;
import io.hashfleet.cli.runtime.FirmwareCommandSender;
import io.hashfleet.collect.control.ControlSettings;
import io.hashfleet.collect.control.MinerControl;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanReport;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.execution.ExecutionReport;
import io.hashfleet.store.FleetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Demand response at fleet scale, whole path: a call to shed 100 MW at one site of S19 XPs
 * (LuxOS and Braiins OS firmware, which sleep over their 4028 APIs) goes through the planner and
 * the firmware commands to the simulator in its own JVM; the poller keeps polling every miner
 * meanwhile, and its next cycle confirms the power fell.
 *
 * <p>Reports: time from the call to every command answered, MW accepted, and time until telemetry
 * confirmed it. The target: commands for 100 MW issued in under 10 s, confirmed within the
 * next poll.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests package && java --enable-native-access=ALL-UNNAMED -Xmx6g -cp
 * benchmarks/target/benchmarks.jar io.hashfleet.bench.DemandResponseHarness --miners 36000 --shed-mw 100 --interval 60}
 */
public final class DemandResponseHarness {
  private DemandResponseHarness() {}

  public static void main(String[] args) throws Exception {
    int miners = PollerLoadHarness.intArg(args, "--miners", 36_000);
    int shedMw = PollerLoadHarness.intArg(args, "--shed-mw", 100);
    int interval = PollerLoadHarness.intArg(args, "--interval", 60);
    int port = PollerLoadHarness.intArg(args, "--port", 4052);
    int concurrency = PollerLoadHarness.intArg(args, "--command-concurrency", 512);
    int prefix = 32 - (64 - Long.numberOfLeadingZeros(miners - 1L));
    Cidr range = new Cidr(Cidr.parse("127.72.0.0").base(), Math.min(prefix, 24));
    ModelCatalog catalog = ModelCatalog.bundled();
    Path dir = Files.createTempDirectory("hashfleet-dr");
    String firmware = PollerLoadHarness.strArg(args, "--firmware", "braiins:50,luxos:50");
    try (SimProcess sim = SimProcess.start(miners, range.toString(), port, "s19xp:100", firmware);
        FleetStore store = FleetStore.open(dir.resolve("dr.duckdb"));
        MinerControl control = new MinerControl(ControlSettings.DEFAULT.withMaxConcurrent(concurrency)
            .withAntminerWebPort(sim.webPort()).withBraiinsGrpcPort(sim.grpcPort()))) {
      RpcTimeouts scanTimeouts = new RpcTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(6), 1 << 20);
      ScanReport scan = new NetworkScanner(new FirmwareProbe(catalog, scanTimeouts, Clock.systemUTC()), 1024).scan(List.of(range), port, (d, t, f) -> {});
      List<FleetMiner> fleet = new ArrayList<>();
      for (FoundMiner f : scan.found()) fleet.add(new FleetMiner(f.address(), f.identity(), new MinerLocation("rockdale", null, null)));
      store.upsertMiners(fleet);
      System.out.printf("fleet: %,d miners found in %.1f s%n", fleet.size(), scan.took().toMillis() / 1000.0);
      PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofSeconds(interval)).withConcurrency(1024);
      try (Collector collector = new Collector(store, catalog, settings, Duration.ofDays(7), Clock.systemUTC()).start()) {
        // One full cycle so every miner has a latest sample (the planner needs to know who runs).
        while (collector.live().samples().size() < fleet.size()) Thread.sleep(500);
        Thread.sleep(2_000);
        control.warmUp().join(); // as `up --energy` does when it starts, long before a call comes
        AuditTrail trail = new AuditTrail(store);
        EnergyControl energy = new EnergyControl(collector.live(), catalog, trail, new FirmwareCommandSender(control, collector), collector.pollHold(),
            Clock.systemUTC(), Duration.ofMinutes(10), 5_000_000);
        System.out.println("calling: shed " + shedMw + " MW at rockdale");
        double simCpu0 = sim.cpuSeconds();
        double ownCpu0 = PollerLoadHarness.ownCpuSeconds();
        long t0 = System.nanoTime();
        ExecutionReport r = energy.demandResponse("bench-1", "rockdale", shedMw * 1_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(30), "bench");
        double issued = (System.nanoTime() - t0) / 1e9;
        System.out.printf("CPU during the call: controller %.1f s, simulator %.1f s (%.2f cores together)%n",
            PollerLoadHarness.ownCpuSeconds() - ownCpu0, sim.cpuSeconds() - simCpu0,
            (PollerLoadHarness.ownCpuSeconds() - ownCpu0 + sim.cpuSeconds() - simCpu0) / issued);
        long accepted = 0;
        for (long w : r.acceptedSleepWatts()) accepted += w;
        long targets = trail.actions("bench-1").stream().filter(a -> a.command() == EnergyAction.Command.POWER_TARGET).count();
        System.out.printf("call to every command answered: %.2f s; %,d orders (%,d of them power targets), %,d accepted (%.1f MW), %d refused, %d failed,"
            + " %d attempts%n", issued, r.orders(), targets, r.accepted(), accepted / 1e6, r.refused().size(), r.failed().size(), r.attempts());
        long confirmedWatts = 0;
        int confirmed = 0;
        while (confirmed < r.accepted() && (System.nanoTime() - t0) / 1e9 < issued + interval * 2 + 30) {
          Thread.sleep(1_000);
          var t = energy.tick();
          confirmed += t.confirmation().confirmed();
          confirmedWatts += t.confirmation().confirmedSleepWatts();
        }
        System.out.printf("confirmed by telemetry: %,d of %,d commands (%.1f MW) %.1f s after the call (poll interval %d s)%n", confirmed, r.accepted(),
            confirmedWatts / 1e6, (System.nanoTime() - t0) / 1e9, interval);
      }
    }
  }
}
