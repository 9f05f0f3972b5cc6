package io.hashfleet.collect.poll;

import io.hashfleet.domain.FleetMiner;
import java.time.Instant;

/** One poll of one miner, never throwing: every failure becomes an outcome with its health. */
@FunctionalInterface
public interface PollTask {
  PollOutcome poll(FleetMiner miner, Instant at);
}
