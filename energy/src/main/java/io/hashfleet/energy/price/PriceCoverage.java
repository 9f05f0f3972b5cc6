package io.hashfleet.energy.price;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much of a window has a price. Curtailment decisions made inside a gap would rest on a price
 * nobody quoted, so callers check coverage before trusting a backtest or a schedule.
 */
public record PriceCoverage(TimeRange window, List<TimeRange> gaps) {
  public PriceCoverage {
    Objects.requireNonNull(window, "window");
    gaps = List.copyOf(gaps);
  }

  public boolean isComplete() {
    return gaps.isEmpty();
  }

  public Duration missing() {
    return gaps.stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus);
  }

  public Duration covered() {
    return window.length().minus(missing());
  }
}
