package io.hashfleet.energy.price;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something a reader should know about a day when clocks change in a file that counts hours in
 * local time. Neither is an error; both explain why a day has 23 or 25 hours of prices.
 */
public sealed interface DstNote {
  /** The local delivery date the note is about. */
  LocalDate date();

  String describe();

  /**
   * The hour clocks fall back across, quoted twice: rows flagged N are its first occurrence
   * (daylight time), rows flagged Y the second (standard time), an hour later in UTC.
   */
  record RepeatedHour(LocalDate date, int hourEnding, int firstRows, int repeatedRows, Instant firstStart, Instant repeatedStart)
      implements DstNote {
    @Override
    public String describe() {
      return date + ": hour ending " + hourEnding + " happens twice as clocks fall back; " + firstRows
          + " rows flagged N read as daylight time (from " + firstStart + "), " + repeatedRows
          + " rows flagged Y as standard time (from " + repeatedStart + ")";
    }
  }

  /** The hour clocks spring forward over; it has no prices because it never happens. */
  record SkippedHour(LocalDate date, int hourEnding, Instant at) implements DstNote {
    @Override
    public String describe() {
      return date + ": hour ending " + hourEnding + " does not exist as clocks spring forward at " + at
          + "; no rows expected, no gap in UTC";
    }
  }
}
