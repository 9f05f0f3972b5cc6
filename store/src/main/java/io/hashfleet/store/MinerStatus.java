package io.hashfleet.store;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;

/**
 * A registered miner with its latest sample.
 *
 * @param latest null when the miner has never been polled
 */
public record MinerStatus(FleetMiner miner, LatestReading latest) {
  /** The latest health; a miner never polled counts as offline, as in {@code minersByState()}. */
  public HealthState health() {
    return latest == null ? HealthState.OFFLINE : latest.health();
  }
}
