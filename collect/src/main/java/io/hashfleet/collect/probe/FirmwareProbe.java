package io.hashfleet.collect.probe;

import io.hashfleet.collect.discovery.MinerProbe;
import io.hashfleet.collect.driver.Conversation;
import io.hashfleet.collect.driver.Drivers;
import io.hashfleet.collect.driver.MinerDriver;
import io.hashfleet.collect.driver.Identifier;
import io.hashfleet.collect.rpc.RpcLoop;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.collect.rpc.TcpMinerRpc;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The real probe: TCP to the miner's API, the identifier, and the driver for its dialect. */
public final class FirmwareProbe implements MinerProbe {
  private final ModelCatalog catalog;
  private final RpcTimeouts timeouts;
  private final Clock clock;

  public FirmwareProbe(ModelCatalog catalog, RpcTimeouts timeouts, Clock clock) {
    this.catalog = catalog;
    this.timeouts = timeouts;
    this.clock = clock;
  }

  @Override
  public Optional<MinerIdentity> identify(MinerAddress address) throws IOException {
    return Identifier.identify(new TcpMinerRpc(address, timeouts), catalog);
  }

  @Override
  public MinerTelemetry poll(MinerAddress address, MinerIdentity identity) throws IOException {
    TcpMinerRpc rpc = new TcpMinerRpc(address, timeouts);
    MinerIdentity id = identity;
    if (id.dialect() == Dialect.UNKNOWN) {
      // Registered from a CSV before anyone asked it what it is: find out now, once per poll.
      id = Identifier.identify(rpc, catalog).orElseThrow(() -> new IOException(address + ": answered, but not a miner API"));
    }
    Instant at = Instant.now(clock);
    return EmptySlots.trim(Drivers.driverFor(id.dialect()).poll(rpc, address, id, at), catalog);
  }

  /** Where {@link #poll(MinerAddress, MinerIdentity, RpcLoop, Result)} delivers: exactly one of the two, once. */
  public interface Result {
    void telemetry(MinerTelemetry t);

    void failed(IOException why);
  }

  /**
   * The same poll as {@link #poll(MinerAddress, MinerIdentity)} without holding a thread: the
   * driver's conversation runs on {@code loop}, and {@code done} is called on a loop thread. A miner
   * registered without a known firmware is identified first, which this does on a virtual thread
   * the blocking way (rare: once per poll until a scan names it).
   */
  public void poll(MinerAddress address, MinerIdentity identity, RpcLoop loop, Result done) {
    if (identity.dialect() == Dialect.UNKNOWN) {
      Thread.startVirtualThread(() -> {
        MinerTelemetry t;
        try {
          t = poll(address, identity);
        } catch (IOException e) {
          done.failed(e);
          return;
        }
        done.telemetry(t);
      });
      return;
    }
    MinerDriver driver = Drivers.driverFor(identity.dialect());
    Conversation talk = driver.conversation(address, identity);
    Instant at = Instant.now(clock);
    step(loop, talk, () -> {
      MinerTelemetry t;
      try {
        t = EmptySlots.trim(driver.parse(address, identity, at, talk.replies()), catalog);
      } catch (IOException e) {
        done.failed(e);
        return;
      } catch (RuntimeException e) {
        done.failed(new IOException(address + ": poll failed: " + e, e)); // a driver bug is this miner's problem only
        return;
      }
      done.telemetry(t);
    }, done);
  }

  /** Sends the conversation's next request, and on its answer the one after, until it is over. */
  private void step(RpcLoop loop, Conversation talk, Runnable over, Result done) {
    String request = talk.next();
    if (request == null) {
      over.run();
      return;
    }
    loop.call(talk.address(), timeouts, request, new RpcLoop.Reply() {
      @Override
      public void answered(String raw) {
        try {
          talk.answered(raw);
        } catch (RuntimeException e) {
          done.failed(new IOException(talk.address() + ": poll failed: " + e, e));
          return;
        }
        step(loop, talk, over, done);
      }

      @Override
      public void failed(IOException why) {
        try {
          talk.failed(why);
        } catch (IOException fatal) {
          done.failed(fatal);
          return;
        }
        step(loop, talk, over, done);
      }
    });
  }

  public ModelCatalog catalog() {
    return catalog;
  }
}
