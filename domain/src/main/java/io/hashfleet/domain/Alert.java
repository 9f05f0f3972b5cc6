package io.hashfleet.domain;

import java.time.Instant;

/**
 * A problem on one miner, open from {@code opened} until {@code closed} (null while still open).
 */
public record Alert(MinerAddress address, HealthState kind, Instant opened, Instant closed, String detail) {
  public boolean isOpen() {
    return closed == null;
  }
}
