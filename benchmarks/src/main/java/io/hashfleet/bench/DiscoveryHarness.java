package io.hashfleet.bench;

import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanReport;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Discovery figure: a /16 (65,536 addresses) with 20% of them populated by simulated miners in
 * another process, scanned the way {@code hashfleet scan} does it.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * io.hashfleet.bench.DiscoveryHarness}
 */
public final class DiscoveryHarness {
  public static void main(String[] args) throws Exception {
    int miners = PollerLoadHarness.intArg(args, "--miners", 13_107);
    int port = PollerLoadHarness.intArg(args, "--port", 4051);
    int concurrency = PollerLoadHarness.intArg(args, "--concurrency", 2000);
    Cidr range = Cidr.parse("127.65.0.0/16");
    try (SimProcess sim = SimProcess.start(miners, range.toString(), port, "s19xp:60,s21:30,m50s:10")) {
      RpcTimeouts timeouts = new RpcTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(6), 1 << 20);
      ScanReport r = new NetworkScanner(new FirmwareProbe(ModelCatalog.bundled(), timeouts, Clock.systemUTC()), concurrency)
          .scan(List.of(range), port, (d, t, f) -> {});
      System.out.printf("discovery: %,d of %,d simulated miners found in %,d addresses in %.1f s (concurrency %d)%n",
          r.found().size(), miners, r.probed(), r.took().toMillis() / 1000.0, concurrency);
    }
  }
}
