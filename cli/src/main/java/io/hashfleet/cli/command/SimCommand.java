package io.hashfleet.cli.command;

import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a virtual fleet in the foreground until interrupted (or for --duration). */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = "Run a virtual fleet: each miner on its own loopback address, speaking its firmware's API.")
public final class SimCommand implements Callable<Integer> {
  @Option(names = "--miners", required = true, description = "How many virtual miners.") int miners;

  @Option(names = "--range", required = true, paramLabel = "CIDR", description = "Loopback range they live in, e.g. 127.20.0.0/16.")
  String range;

  @Option(names = "--mix", defaultValue = "s19xp:60,s21:30,m50s:10", description = "Model mix by catalog id (default: ${DEFAULT-VALUE}).")
  String mix;

  @Option(names = "--firmware", defaultValue = "stock:70,braiins:20,luxos:10", description = "Firmware mix for Antminers (default: ${DEFAULT-VALUE}).")
  String firmware;

  @Option(names = "--faults", defaultValue = "0", paramLabel = "PCT", description = "Percent of miners with a random fault (offline, hung, slow, garbage, dead board, overheat, fan, pool down).")
  double faults;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed gives the same fleet.") long seed;

  @Option(names = "--port", defaultValue = "4028", description = "API port every miner answers on (default: ${DEFAULT-VALUE}).") int port;

  @Option(names = "--web-port", defaultValue = "0", description = "Port of the stock Antminers' web configuration, where they take commands (80 on real units; default: any free port, printed at start).")
  int webPort;

  @Option(names = "--grpc-port", defaultValue = "0", description = "Port of the Braiins OS gRPC API, where power targets go (50051 on real units; default: any free port, printed at start).")
  int grpcPort;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address the listening socket binds to (default: ${DEFAULT-VALUE}).") String bind;

  @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (default: run until interrupted).")
  Duration duration;

  @Override
  public Integer call() throws Exception {
    SimConfig config = new SimConfig(miners, Cidr.parse(range), SimConfig.parseMix(mix), SimConfig.parseMix(firmware),
        faults, seed, bind, port, ModelCatalog.bundled()).withHttpPort(webPort).withGrpcPort(grpcPort);
    try (SimFleet fleet = SimFleet.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
      Map<String, Long> byModel = new java.util.TreeMap<>();
      long faulty = 0;
      for (var m : fleet.miners()) {
        byModel.merge(m.modelId(), 1L, Long::sum);
        if (m.fault() != null) faulty++;
      }
      System.out.printf("sim: %,d miners on %s port %d (%s), %,d with faults; web port %d, gRPC port %d%n", fleet.size(), config.range(),
          fleet.port(), byModel, faulty, fleet.httpPort(), fleet.grpcPort());
      System.out.flush();
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      long lastServed = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        long served = fleet.requestsServed();
        System.out.printf("sim: %,d requests served (%,d in the last 10 s)%n", served, served - lastServed);
        lastServed = served;
      }
    }
    return 0;
  }
}
