package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanProgress;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.sim.PowerState;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import io.hashfleet.store.FleetStore;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller dies mid-event (SIGKILL, no shutdown hook, the store's last writes in its WAL):
 * the miners it slept stay asleep past the event's end while nothing runs, and a restarted
 * controller, knowing only the store, wakes every one of them and closes the event.
 */
class ControllerCrashEndToEndTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aRestartedControllerWakesWhatACrashedOneLeftAsleep(@TempDir Path dir) throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    SimConfig config = new SimConfig(24, Cidr.parse("127.62.0.0/24"), SimConfig.parseMix("s19xp:50,s19jpro:50"), SimConfig.parseMix("luxos:1,braiins:1"),
        0, 21, "0.0.0.0", 0, catalog).withPowerTiming(Duration.ofMillis(300), Duration.ofSeconds(1));
    Path storeFile = dir.resolve("fleet.duckdb");
    try (SimFleet sim = SimFleet.start(config)) {
      register(sim, storeFile, catalog);

      int livePort = freePort();
      Process first = up(storeFile, livePort, dir.resolve("first.log"));
      Set<String> slept;
      try {
        awaitLive(livePort, first);
        // Shed 15 kW (about five machines) for 5 s from 1 s after the call.
        HttpResponse<String> call = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + livePort + "/energy/events"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"odessa\",\"shed_mw\":0.015,\"within_s\":1,\"for_s\":5,\"id\":\"ers-crash\"}"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        Thread.sleep(500); // the wind-down takes 300 ms
        slept = asleep(sim);
        assertThat(slept).as("machines the call put to sleep").hasSizeBetween(4, 8);
      } finally {
        first.destroyForcibly(); // SIGKILL: no hook runs, nothing is closed
        first.waitFor();
      }

      // The event ends 6 s after the call. Nobody is running: they stay asleep past it.
      Thread.sleep(7_000);
      assertThat(asleep(sim)).as("still asleep after the event ended, with no controller").isEqualTo(slept);

      Process second = up(storeFile, livePort, dir.resolve("second.log"));
      try {
        awaitLive(livePort, second);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!asleep(sim).isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(asleep(sim)).as("woken by the restarted controller").isEmpty();
      } finally {
        second.destroy(); // SIGTERM: the store is closed cleanly so the test can read it
        second.waitFor();
      }
    }

    try (FleetStore store = FleetStore.open(storeFile)) {
      AuditTrail trail = new AuditTrail(store);
      assertThat(trail.events(true)).as("the event is closed").isEmpty();
      List<EnergyAction> actions = trail.actions("ers-crash");
      Set<String> sleptInTrail = hosts(actions, EnergyAction.Command.SLEEP);
      Set<String> wokenInTrail = hosts(actions, EnergyAction.Command.WAKE);
      assertThat(wokenInTrail).as("every machine slept for the event was told to wake, and no other").isEqualTo(sleptInTrail).isNotEmpty();
    }
  }

  private static Set<String> hosts(List<EnergyAction> actions, EnergyAction.Command command) {
    return actions.stream().filter(a -> a.command() == command && a.outcome() == EnergyAction.Outcome.ACCEPTED)
        .map(a -> a.address().substring(0, a.address().indexOf(':'))).collect(Collectors.toSet());
  }

  private static Set<String> asleep(SimFleet sim) {
    return sim.miners().stream().map(v -> sim.at(v.ip()).orElseThrow())
        .filter(v -> v.powerState() == PowerState.SLEEPING || v.powerState() == PowerState.WINDING_DOWN)
        .map(VirtualMinerView::ip).collect(Collectors.toSet());
  }

  private static void register(SimFleet sim, Path storeFile, ModelCatalog catalog) throws InterruptedException {
    RpcTimeouts timeouts = new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(1500), 1 << 20);
    List<FoundMiner> found = new NetworkScanner(new FirmwareProbe(catalog, timeouts, Clock.systemUTC()), 32)
        .scan(List.of(Cidr.parse("127.62.0.0/27")), sim.port(), ScanProgress.NONE).found();
    List<FleetMiner> fleet = new ArrayList<>();
    for (FoundMiner f : found) fleet.add(new FleetMiner(f.address(), f.identity(), new MinerLocation("odessa", "R1", null)));
    assertThat(fleet).hasSize(24);
    try (FleetStore store = FleetStore.open(storeFile)) {
      store.upsertMiners(fleet);
    }
  }

  /** `hashfleet up --energy` in its own JVM, polling every second, ticking every second. */
  private static Process up(Path storeFile, int livePort, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.hashfleet.cli.Main",
        "up", "--store", storeFile.toString(), "--energy", "--interval", "1s", "--timeout", "1s", "--status-every", "1s",
        "--live-port", Integer.toString(livePort), "--console-port", "0");
    File out = log.toFile();
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
  }

  private static void awaitLive(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) throw new AssertionError("hashfleet up exited with " + p.exitValue());
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          Thread.sleep(2_000); // a poll of every miner, so the planner knows who runs
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("hashfleet up did not open its live endpoint on port " + port + " within 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
