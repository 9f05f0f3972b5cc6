package io.hashfleet.collect.discovery;

import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.util.Optional;

/** Talks to one address: what is it, and what is it doing. Implemented over the firmware drivers. */
public interface MinerProbe {
  /** The miner's identity, or empty when something answered that is not a miner API. */
  Optional<MinerIdentity> identify(MinerAddress address) throws IOException;

  /** One full poll of a miner already identified. */
  MinerTelemetry poll(MinerAddress address, MinerIdentity identity) throws IOException;
}
