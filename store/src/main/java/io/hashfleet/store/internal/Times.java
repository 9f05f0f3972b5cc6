package io.hashfleet.store.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants cross the JDBC boundary as microseconds since the epoch (SQL: {@code make_timestamp(?)}
 * and {@code epoch_us(col)}), never as java.sql.Timestamp, whose conversions apply the JVM's time
 * zone. Columns are TIMESTAMP holding UTC.
 */
public final class Times {
  public static final long MINUTE_US = 60_000_000L;
  public static final long FIVE_MINUTES_US = 5 * MINUTE_US;
  public static final long HOUR_US = 60 * MINUTE_US;

  private Times() {}

  public static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(0).plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  public static long micros(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
  }

  /** Start of the bucket of width {@code width} (aligned to the epoch) that holds {@code t}. */
  public static long floor(long t, long width) {
    return Math.floorDiv(t, width) * width;
  }

  public static long ceil(long t, long width) {
    return -Math.floorDiv(-t, width) * width;
  }
}
