package io.hashfleet.collect.probe;

import io.hashfleet.collect.discovery.MinerProbe;
import io.hashfleet.collect.driver.Drivers;
import io.hashfleet.collect.driver.Identifier;
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

  public ModelCatalog catalog() {
    return catalog;
  }
}
