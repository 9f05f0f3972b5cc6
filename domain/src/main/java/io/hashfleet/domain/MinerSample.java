package io.hashfleet.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one poll of one miner: its telemetry when it answered, and its health either way.
 *
 * @param telemetry what the miner reported, or null when it did not answer usefully
 * @param health most severe state this cycle
 * @param detail why, in words a technician reads ("board 2: 0 chips", "connect timed out")
 */
public record MinerSample(MinerAddress address, Instant at, MinerTelemetry telemetry, HealthState health, String detail) {
  public MinerSample {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(health, "health");
  }

  public boolean answered() {
    return telemetry != null;
  }
}
