package io.hashfleet.sim;

import io.hashfleet.domain.Ipv4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.LongAdder;

/**
 * A running virtual fleet: one listening socket for all miners, which tells them apart by the
 * loopback address a client connected to (127.x.y.z), so 100,000 miners cost one file descriptor.
 *
 * <p>{@link ApiFront} answers healthy miners on its own threads; a faulty miner's connection gets a
 * virtual thread ({@link Connection}): blocking code stays simple and a hung or slow miner costs a
 * parked thread, not a platform thread. Connections are NIO channels rather than
 * {@code java.net.Socket}s because the channel caches its local address and closes with a single
 * close(), where a Socket asks the kernel again and shuts output down first: at thousands of polls
 * a second those syscalls were a large share of the simulator's CPU.
 */
public final class SimFleet implements AutoCloseable {
  private static final int BACKLOG = 4096;

  private final FleetState state;
  private final ApiFront api;
  private final WebFront web;
  private final BosGrpcFront grpc;
  private final LongAdder served;

  private SimFleet(FleetState state, ApiFront api, LongAdder served, WebFront web, BosGrpcFront grpc) {
    this.state = state;
    this.api = api;
    this.served = served;
    this.web = web;
    this.grpc = grpc;
  }

  /** Builds the fleet and starts listening on {@code bindHost:port}. */
  public static SimFleet start(SimConfig config) {
    return start(config, InstantSource.system());
  }

  /**
   * Builds the fleet on {@code clock}, so tests of sleep and boot timing can move time on instead of
   * waiting; every figure the miners report is read from it.
   */
  public static SimFleet start(SimConfig config, InstantSource clock) {
    FleetState state = new FleetState(config, clock);
    LongAdder served = new LongAdder();
    ApiFront api;
    try {
      api = ApiFront.start(state, served, config.bindHost(), config.port(), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("sim: cannot listen on " + config.bindHost() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    WebFront web = null;
    try {
      web = WebFront.start(state, config.bindHost(), config.httpPort());
      return new SimFleet(state, api, served, web, BosGrpcFront.start(state, config.bindHost(), config.grpcPort()));
    } catch (RuntimeException e) {
      if (web != null) web.close();
      api.close();
      throw e;
    }
  }

  /** The one port every miner answers on. */
  public int port() {
    return api.port();
  }

  /** The one port every miner serves its web interface on: stock Antminers take commands there. */
  public int httpPort() {
    return web.port();
  }

  /** The one port every Braiins OS miner serves its public gRPC API on: power targets go there. */
  public int grpcPort() {
    return grpc.port();
  }

  /** Successful Braiins OS gRPC logins to the miner at {@code ip} since the fleet started. */
  public int braiinsLogins(String ip) {
    return state.logins.bosLogins(indexOf(ip));
  }

  /** Drops every gRPC token the Braiins OS miner at {@code ip} handed out, as a restart of its API does. */
  public void forgetBraiinsTokens(String ip) {
    state.logins.bosForget(indexOf(ip));
  }

  public int size() {
    return state.size;
  }

  public SimConfig config() {
    return state.config;
  }

  /** The miner at this address, if the fleet has one there. */
  public Optional<VirtualMinerView> at(String ip) {
    int i = indexOfOrMinus1(ip);
    return i < 0 ? Optional.empty() : Optional.of(view(i));
  }

  /** All miners in address order; views are built when read, not held. */
  public List<VirtualMinerView> miners() {
    return new Views();
  }

  /** Gives the miner at {@code ip} a fault from its next connection on. */
  public void inject(String ip, Fault fault) {
    if (fault == null) throw new IllegalArgumentException("fault is null: use clear(" + ip + ")");
    state.setFault(indexOf(ip), fault);
  }

  /** Makes the miner at {@code ip} healthy again. */
  public void clear(String ip) {
    state.setFault(indexOf(ip), null);
  }

  /** Replies sent (including garbage and slow ones); refused and hung connections do not count. */
  public long requestsServed() {
    return served.sum();
  }

  @Override
  public void close() {
    web.close();
    grpc.close();
    api.close();
  }

  VirtualMinerView view(int i) {
    Telemetry t = new Telemetry(state, i, state.nowMillis());
    Firmware fw = Firmware.of(t.dialect);
    return new VirtualMinerView(i, t.ip, port(), t.model.id(), t.model.make(), fw.modelName(t.model), t.dialect,
        fw.version(t.model), t.mac(), t.avgThs(), t.fault, t.powerState, t.powerW);
  }

  private int indexOf(String ip) {
    int i = indexOfOrMinus1(ip);
    if (i < 0) throw new IllegalArgumentException(ip + " is not a miner of this fleet (" + state.config.range() + ", " + state.size + " miners)");
    return i;
  }

  private int indexOfOrMinus1(String ip) {
    long v;
    try {
      v = Ipv4.toLong(ip);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    return state.indexOf(v);
  }

  private final class Views extends AbstractList<VirtualMinerView> implements RandomAccess {
    @Override
    public VirtualMinerView get(int index) {
      if (index < 0 || index >= state.size) throw new IndexOutOfBoundsException(index);
      return view(index);
    }

    @Override
    public int size() {
      return state.size;
    }
  }
}
