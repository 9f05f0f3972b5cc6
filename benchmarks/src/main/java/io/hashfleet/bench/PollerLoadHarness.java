package io.hashfleet.bench;

import com.sun.management.OperatingSystemMXBean;
import io.hashfleet.cli.runtime.Collector;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanReport;
import io.hashfleet.collect.poll.PollCycleStats;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-path load harness: a simulated fleet in its own process, the real collector (TCP, drivers,
 * health, alerts, DuckDB store) in this one, on the same machine.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests package && java --enable-native-access=ALL-UNNAMED
 * -Xmx8g -cp benchmarks/target/benchmarks.jar io.hashfleet.bench.PollerLoadHarness --miners 100000
 * --rate 5900 --measure 60}
 *
 * <p>It scans the simulated range (a discovery figure), registers every miner, polls them at the
 * interval that gives the target rate (100,000 miners at 16.9 s is the load of 350,000 at 60 s),
 * and after a warm-up reports achieved polls/s, p50/p99 latency, CPU of both processes, and the
 * heap the collector holds per tracked miner.
 */
public final class PollerLoadHarness {
  public static void main(String[] args) throws Exception {
    int miners = intArg(args, "--miners", 100_000);
    double rate = intArg(args, "--rate", 5_900);
    int warmup = intArg(args, "--warmup", 40);
    int measure = intArg(args, "--measure", 60);
    int port = intArg(args, "--port", 4050);
    int concurrency = intArg(args, "--concurrency", 4096);
    String mix = strArg(args, "--mix", "s19xp:60,s21:30,m50s:10");
    int prefix = 32 - (64 - Long.numberOfLeadingZeros(miners - 1L));
    Cidr range = new Cidr(Cidr.parse("127.64.0.0").base(), Math.min(prefix, 24));
    ModelCatalog catalog = ModelCatalog.bundled();
    Path dir = Files.createTempDirectory("hashfleet-load");

    try (SimProcess sim = SimProcess.start(miners, range.toString(), port, mix);
        FleetStore store = FleetStore.open(dir.resolve("load.duckdb"))) {
      RpcTimeouts scanTimeouts = new RpcTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(6), 1 << 20);
      ScanReport scan = new NetworkScanner(new FirmwareProbe(catalog, scanTimeouts, Clock.systemUTC()), 1024)
          .scan(List.of(range), port, (d, t, f) -> {});
      System.out.printf("discovery: %,d miners in %,d addresses (%s) in %.1f s%n", scan.found().size(), scan.probed(), range,
          scan.took().toMillis() / 1000.0);
      List<FleetMiner> fleet = new ArrayList<>();
      for (FoundMiner f : scan.found()) fleet.add(new FleetMiner(f.address(), f.identity(), new MinerLocation("site-" + (fleet.size() % 4), null, null)));
      store.upsertMiners(fleet);
      int fleetSize = fleet.size();
      scan = null;
      fleet = null; // the collector loads its own copy from the store; measure only that

      long heapBefore = usedHeapAfterGc();
      Duration interval = Duration.ofMillis((long) (fleetSize * 1000.0 / rate));
      PollSettings settings = PollSettings.DEFAULT.withInterval(interval).withConcurrency(concurrency);
      System.out.printf("polling %,d miners every %.1f s (target %.0f polls/s), concurrency %d%n", fleetSize, interval.toMillis() / 1000.0, rate, concurrency);
      Collector collector = new Collector(store, catalog, settings, Duration.ofDays(7), Clock.systemUTC()).start();
      try {
        Thread.sleep(warmup * 1000L);
        PollCycleStats stats = collector.stats();
        stats.reset();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        double sim0 = sim.cpuSeconds();
        long stored0 = collector.writer().written();
        long t0 = System.nanoTime();
        Thread.sleep(measure * 1000L);
        double secs = (System.nanoTime() - t0) / 1e9;
        long polls = stats.polls();
        double pollerCpu = (os.getProcessCpuTime() - cpu0) / 1e9 / secs;
        double simCpu = (sim.cpuSeconds() - sim0) / secs;
        long stored = collector.writer().written() - stored0;
        long failures = stats.failures();
        double p50 = stats.latencyMicros(50) / 1000.0;
        double p99 = stats.latencyMicros(99) / 1000.0;
        // Hot state is what stays per miner between polls: stop polling (in-flight replies, parse
        // trees and socket buffers scale with concurrency, not fleet size), keep the collector.
        collector.close();
        long heapAfter = usedHeapAfterGc();
        System.out.printf("live miners held: %,d%n", collector.live().samples().size());
        java.util.Map<String, Integer> why = new java.util.TreeMap<>();
        for (var sample : collector.live().samples()) {
          if (sample.answered()) continue;
          String d = String.valueOf(sample.detail());
          int colon = d.indexOf(": ");
          why.merge(colon >= 0 ? d.substring(colon + 2).replaceAll("[0-9]+", "N") : d, 1, Integer::sum);
        }
        System.out.println("miners whose latest poll failed, by reason: " + why);
        System.out.printf("polls/s: %.0f (target %.0f), failed polls %d%n", polls / secs, rate, failures);
        System.out.printf("latency: p50 %.2f ms, p99 %.2f ms%n", p50, p99);
        System.out.printf("stored samples/s: %.0f, dropped %d%n", stored / secs, collector.writer().dropped());
        System.out.printf("cpu: poller %.2f cores, simulator %.2f cores (of %d)%n", pollerCpu, simCpu, Runtime.getRuntime().availableProcessors());
        System.out.printf("hot state: %.0f bytes per tracked miner (%.1f MB per 100,000 miners)%n",
            (heapAfter - heapBefore) / (double) fleetSize, (heapAfter - heapBefore) / (double) fleetSize * 100_000 / 1e6);
      } finally {
        collector.close();
      }
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** CPU seconds (user + system) this JVM has used. */
  static double ownCpuSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  static int intArg(String[] args, String name, int dflt) {
    String v = strArg(args, name, null);
    return v == null ? dflt : Integer.parseInt(v);
  }

  static String strArg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return dflt;
  }
}
