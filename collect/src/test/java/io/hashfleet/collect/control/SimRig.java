package io.hashfleet.collect.control;

import io.hashfleet.collect.driver.Drivers;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.collect.rpc.TcpMinerRpc;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual fleet of every dialect on a clock the test moves, and the means to command its miners
 * and read them back through the ordinary read drivers.
 */
final class SimRig implements AutoCloseable {
  static final Duration SLEEP = Duration.ofSeconds(5);
  static final Duration BOOT = Duration.ofSeconds(180);
  /** Short enough that a hung miner fails a test quickly, long enough for a loaded CI machine. */
  static final RpcTimeouts FAST = new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(1200), 1 << 20);

  final Clock clock = new Clock();
  final SimFleet fleet;
  final ControlSettings settings;
  final MinerControl control;
  private int next;

  SimRig(String range) {
    this(range, SLEEP, BOOT, null);
  }

  /** With {@code realClock} the fleet runs on wall time, for tests that wait the timings out. */
  SimRig(String range, Duration sleep, Duration boot, InstantSource realClock) {
    SimConfig config = new SimConfig(60, Cidr.parse(range), SimConfig.parseMix("s19xp:3,m50s:1,a1366:1"),
        SimConfig.parseMix("stock:1,braiins:1,luxos:1"), 0, 5, "0.0.0.0", 0, ModelCatalog.bundled()).withPowerTiming(sleep, boot);
    fleet = SimFleet.start(config, realClock != null ? realClock : clock);
    settings = ControlSettings.DEFAULT.withTimeouts(FAST).withAntminerWebPort(fleet.httpPort()).withBraiinsGrpcPort(fleet.grpcPort());
    control = new MinerControl(settings);
    warmUpGrpc(fleet, settings);
  }

  private static boolean grpcWarm;

  /**
   * The first gRPC call in a JVM loads Netty, protobuf and gRPC's classes and extracts Netty's
   * native transport: over a second on a loaded machine, more than {@link #FAST} allows. One
   * throwaway power target per JVM, with the default timeouts, to an address that is no miner of
   * the fleet (the sim answers UNAVAILABLE), so no test's miner counts its login.
   */
  private static synchronized void warmUpGrpc(SimFleet fleet, ControlSettings settings) {
    if (grpcWarm) return;
    grpcWarm = true;
    MinerControl.send(new MinerAddress("127.0.0.1", fleet.port()), Dialect.BRAIINS_OS,
        PowerCommand.powerTarget(io.hashfleet.domain.Power.ofWatts(2500)), settings.withTimeouts(RpcTimeouts.DEFAULT));
  }

  /** A miner of {@code dialect} no earlier call has handed out, so tests never share one. */
  VirtualMinerView miner(Dialect dialect) {
    for (int i = next; i < fleet.size(); i++) {
      VirtualMinerView v = fleet.miners().get(i);
      if (v.dialect() == dialect) {
        next = i + 1;
        return v;
      }
    }
    throw new IllegalStateException("no more " + dialect + " miners in the sim fleet");
  }

  MinerAddress address(VirtualMinerView v) {
    return new MinerAddress(v.ip(), fleet.port());
  }

  CommandResult send(VirtualMinerView v, PowerCommand command) {
    return control.send(address(v), v.dialect(), command);
  }

  VirtualMinerView now(VirtualMinerView v) {
    return fleet.at(v.ip()).orElseThrow();
  }

  /** What a poller reads from the miner now, through the driver of its dialect. */
  MinerTelemetry read(VirtualMinerView v) throws IOException {
    MinerAddress a = address(v);
    MinerIdentity id = new MinerIdentity(v.make(), v.modelName(), v.modelId(), v.dialect(), v.firmwareVersion(), v.mac());
    return Drivers.driverFor(v.dialect()).poll(new TcpMinerRpc(a, RpcTimeouts.DEFAULT), a, id, Instant.now());
  }

  @Override
  public void close() {
    control.close();
    fleet.close();
  }

  /** Time that moves only when told. */
  static final class Clock implements InstantSource {
    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }
}
