package io.hashfleet.collect.control;

import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.collect.rpc.TcpMinerRpc;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Changes miners' power state through their own firmware: the one entry point for every dialect.
 *
 * <p>{@link #send} blocks for one miner within the settings' deadlines and never throws: whatever
 * happens comes back as a {@link CommandResult} naming the miner. Nothing is shared between
 * miners but this object's settings, the LuxOS sessions and the Braiins OS gRPC tokens and
 * channels it keeps (concurrent maps, one entry per miner), so a hung miner holds up only its own caller;
 * {@link #sendAll} runs up to {@code maxConcurrent} miners at once on virtual threads.
 */
public final class MinerControl implements AutoCloseable {
  private final ControlSettings settings;
  private final LuxosControl luxos;
  private final BraiinsControl braiins;
  private final BraiinsGrpc braiinsGrpc;
  private final WhatsminerControl whatsminer;
  private final AntminerWebControl antminer;
  private final AvalonControl avalon;
  /** Made on first use: most commands never touch HTTP, and a client holds a selector thread. */
  private HttpClient http;
  private ExecutorService httpThreads;

  public MinerControl(ControlSettings settings) {
    this.settings = settings;
    Function<MinerAddress, MinerRpc> rpcs = a -> new TcpMinerRpc(a, settings.timeouts());
    this.luxos = new LuxosControl(rpcs);
    this.braiinsGrpc = new BraiinsGrpc(settings);
    this.braiins = new BraiinsControl(rpcs, braiinsGrpc);
    this.whatsminer = new WhatsminerControl(rpcs, settings.whatsminer());
    this.antminer = new AntminerWebControl(this::http, settings);
    this.avalon = new AvalonControl(rpcs, InstantSource.system());
  }

  /** One command to one miner, with a controller made for the occasion. */
  public static CommandResult send(MinerAddress miner, Dialect dialect, PowerCommand command, ControlSettings settings) {
    try (MinerControl control = new MinerControl(settings)) {
      return control.send(miner, dialect, command);
    }
  }

  /**
   * Sends {@code command} to the miner at {@code miner} (its API address, port 4028 on real units),
   * speaking {@code dialect}. Stock Antminers are reached on the same host at the settings' web
   * port instead, since their API takes no writes.
   */
  public CommandResult send(MinerAddress miner, Dialect dialect, PowerCommand command) {
    PowerController controller = switch (dialect) {
      case LUXOS -> luxos;
      case BRAIINS_OS -> braiins;
      case WHATSMINER -> whatsminer;
      case BITMAIN -> antminer;
      case AVALON -> avalon;
      case UNKNOWN -> null;
    };
    // No dialect, no command language: the miner must be identified (scanned) first.
    if (controller == null) return new Refused(miner, "unsupported: unknown firmware; identify the miner first");
    try {
      return controller.send(miner, command);
    } catch (IOException e) {
      return new Failed(miner, command.label() + " failed: " + withoutAddress(miner, e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(miner, command.label() + " interrupted");
    } catch (RuntimeException e) {
      return new Failed(miner, command.label() + " failed on an unexpected reply: " + e);
    }
  }

  /** One command for one miner, for {@link #sendEach}. */
  public record Order(MinerAddress miner, Dialect dialect, PowerCommand command) {}

  /**
   * The same command to many miners at once, at most {@code maxConcurrent} at a time. Results keep
   * the order of {@code miners}.
   */
  public Map<MinerAddress, CommandResult> sendAll(Map<MinerAddress, Dialect> miners, PowerCommand command) {
    List<Order> work = new ArrayList<>(miners.size());
    miners.forEach((miner, dialect) -> work.add(new Order(miner, dialect, command)));
    List<CommandResult> results = sendEach(work);
    Map<MinerAddress, CommandResult> out = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) out.put(work.get(i).miner(), results.get(i));
    return out;
  }

  /**
   * Each order's command to its miner, at most {@code maxConcurrent} at a time, started in the
   * order given; one result per order, in the same order. That many virtual threads take orders
   * from a shared counter: one thread per miner parked on a semaphore spent more on waking each
   * other than on the commands.
   */
  public List<CommandResult> sendEach(List<Order> work) {
    CommandResult[] results = new CommandResult[work.size()];
    AtomicInteger next = new AtomicInteger();
    int threads = Math.min(settings.maxConcurrent(), work.size());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        pool.execute(() -> {
          for (int i; (i = next.getAndIncrement()) < work.size(); ) {
            Order o = work.get(i);
            try {
              results[i] = send(o.miner(), o.dialect(), o.command());
            } catch (RuntimeException | Error e) {
              results[i] = new Failed(o.miner(), o.command().label() + " failed: " + e);
            }
          }
        });
      }
    }
    List<CommandResult> out = new ArrayList<>(results.length);
    for (int i = 0; i < results.length; i++) {
      Order o = work.get(i);
      out.add(results[i] != null ? results[i] : new Failed(o.miner(), o.command().label() + " interrupted"));
    }
    return out;
  }

  /** Transport errors already start with the address; the result adds it again otherwise. */
  private static String withoutAddress(MinerAddress miner, String message) {
    if (message == null) return "no detail";
    String prefix = miner + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private synchronized HttpClient http() {
    if (http == null) {
      httpThreads = Executors.newVirtualThreadPerTaskExecutor();
      // real miners' lighttpd speaks HTTP/1.1 only; asking for an h2c upgrade would be wasted bytes
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeouts().connect())
          .followRedirects(HttpClient.Redirect.NEVER).executor(httpThreads).build();
    }
    return http;
  }

  /** LuxOS sessions this controller keeps open for its next command; see {@link LuxosControl}. */
  public int keptLuxosSessions() {
    return luxos.keptSessions();
  }

  /**
   * Starts the gRPC client in the background, so that a power target in the middle of a
   * demand-response call does not wait for it; for controllers that run for a long time.
   *
   * @return the thread doing it, for a caller that wants to wait
   */
  public Thread warmUp() {
    return Thread.ofVirtual().name("grpc-warm-up").start(braiinsGrpc::warmUp);
  }

  /** Braiins OS gRPC channels this controller holds open for its next commands; see {@link BraiinsGrpc}. */
  public int openBraiinsChannels() {
    return braiinsGrpc.openChannels();
  }

  /** Braiins OS gRPC logins this controller has made. */
  public int braiinsLogins() {
    return braiinsGrpc.logins();
  }

  /** Logs off the LuxOS sessions it kept, shuts its Braiins OS gRPC channels, then drops its HTTP client. */
  @Override
  public synchronized void close() {
    luxos.close();
    braiinsGrpc.close();
    if (http != null) {
      http.shutdownNow(); // nothing should be in flight; whatever is, is abandoned
      httpThreads.close();
      http = null;
    }
  }
}
