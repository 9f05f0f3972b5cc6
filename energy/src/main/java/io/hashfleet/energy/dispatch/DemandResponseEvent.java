package io.hashfleet.energy.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "Site S: shed X MW by T for D minutes", as the grid operator or the host calls it. Shedding is
 * measured against the site's load when the event was received.
 */
public record DemandResponseEvent(String id, String site, long shedWatts, Instant by, Duration duration, long baselineWatts) {
  public DemandResponseEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    if (shedWatts <= 0) throw new IllegalArgumentException("event " + id + ": shed must be positive");
    if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("event " + id + ": duration must be positive");
  }

  public Instant ends() {
    return by.plus(duration);
  }

  /** In force from when it is received until it ends; the deadline {@code by} is when the shed must be complete. */
  public boolean activeAt(Instant t) {
    return t.isBefore(ends());
  }

  /** The most the site may draw while the event is in force. */
  public long capWatts() {
    return Math.max(0, baselineWatts - shedWatts);
  }
}
