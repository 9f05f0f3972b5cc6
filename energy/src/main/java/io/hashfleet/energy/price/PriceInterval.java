package io.hashfleet.energy.price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of power over one settlement interval, in US dollars per megawatt-hour. Negative
 * prices are legal: ERCOT's West hub goes below zero on windy nights, and those are the hours a
 * fleet most wants to run.
 */
public record PriceInterval(Instant start, Duration length, BigDecimal usdPerMwh) {
  public PriceInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(usdPerMwh, "usdPerMwh");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("price interval starting " + start + " must have a positive length, got " + length);
    }
  }

  /** The first instant after the interval; intervals are half-open, {@code [start, end)}. */
  public Instant end() {
    return start.plus(length);
  }

  public TimeRange range() {
    return new TimeRange(start, end());
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end());
  }

  public boolean overlaps(PriceInterval other) {
    return start.isBefore(other.end()) && other.start().isBefore(end());
  }

  public boolean isNegative() {
    return usdPerMwh.signum() < 0;
  }
}
