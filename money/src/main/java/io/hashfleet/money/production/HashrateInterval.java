package io.hashfleet.money.production;

import io.hashfleet.domain.Hashrate;
import java.time.Instant;
import java.util.Objects;

/** A hashrate held over [from, to): a telemetry rollup bucket, or a whole period for a constant rate. */
public record HashrateInterval(Instant from, Instant to, Hashrate hashrate) {
  public HashrateInterval {
    Objects.requireNonNull(hashrate, "hashrate");
    if (!to.isAfter(from)) throw new IllegalArgumentException("interval must end after it starts: " + from + " to " + to);
  }
}
