package io.hashfleet.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told, so sleep and boot timing is tested without waiting. */
final class ManualClock implements InstantSource {
  private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

  void advance(Duration d) {
    millis.addAndGet(d.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
