package io.hashfleet.energy.price;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time {@code [from, to)} in UTC, such as a gap in a price file. */
public record TimeRange(Instant from, Instant to) {
  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) throw new IllegalArgumentException("a time range must end after it starts: " + from + " to " + to);
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}
