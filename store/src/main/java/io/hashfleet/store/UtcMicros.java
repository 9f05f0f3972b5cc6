package io.hashfleet.store;

import io.hashfleet.store.internal.Times;
import java.time.Instant;

/** Instants as microseconds since the epoch, the way they cross the store's JDBC boundary. */
public final class UtcMicros {
  private UtcMicros() {}

  public static long of(Instant t) {
    return Times.micros(t);
  }

  public static Instant toInstant(long micros) {
    return Times.instant(micros);
  }
}
