package io.hashfleet.energy.price;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * ERCOT's clock: delivery hours are numbered hour-ending 1 to 24 in Central Prevailing Time, so
 * hour ending 1 is 00:00 to 01:00 local. When daylight saving ends, hour ending 2 happens twice and
 * the second one carries the repeated hour flag {@code Y}; when it starts, hour ending 3 never
 * happens. Everything Hashfleet stores is UTC, and this is the one place that knows the difference.
 */
final class ErcotClock {
  static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

  /** A delivery hour as ERCOT names it. */
  record DeliveryHour(LocalDate date, int hourEnding, boolean repeated) {}

  private ErcotClock() {}

  /**
   * The UTC start of the interval {@code minutes} into a delivery hour.
   *
   * @throws IllegalArgumentException, with a message fit for a row error, for an hour that does
   *     not exist or a repeated flag on an hour that happens once
   */
  static Instant start(DeliveryHour hour, int minutes) {
    LocalDateTime local = hour.date().atStartOfDay().plusHours(hour.hourEnding() - 1L).plusMinutes(minutes);
    List<ZoneOffset> offsets = CENTRAL.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = CENTRAL.getRules().getTransition(local);
      throw new IllegalArgumentException("hour ending " + hour.hourEnding() + " does not exist on " + hour.date()
          + ": clocks spring forward from " + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime());
    }
    if (offsets.size() == 2) return local.toInstant(hour.repeated() ? offsets.get(1) : offsets.get(0));
    if (hour.repeated()) {
      throw new IllegalArgumentException("repeated hour flag Y, but hour ending " + hour.hourEnding() + " on " + hour.date()
          + " happens only once; only the hour clocks fall back across repeats");
    }
    return local.toInstant(offsets.getFirst());
  }

  /** Notes for the clock changes on the days {@code hours} touch, in date order. */
  static List<DstNote> notes(List<DeliveryHour> hours) {
    Map<LocalDate, List<DeliveryHour>> byDate = hours.stream().collect(Collectors.groupingBy(DeliveryHour::date, TreeMap::new, Collectors.toList()));
    List<DstNote> notes = new ArrayList<>();
    byDate.forEach((date, ofDate) -> transitionOn(date).ifPresent(change -> {
      if (change.isGap()) {
        notes.add(new DstNote.SkippedHour(date, change.getDateTimeBefore().getHour() + 1, change.getInstant()));
        return;
      }
      // Falling back, local time runs from dateTimeAfter to dateTimeBefore twice: 01:00 to 02:00.
      LocalDateTime repeatedFrom = change.getDateTimeAfter();
      int hourEnding = repeatedFrom.getHour() + 1;
      List<DeliveryHour> inHour = ofDate.stream().filter(h -> h.hourEnding() == hourEnding).toList();
      if (inHour.isEmpty()) return;
      int repeated = (int) inHour.stream().filter(DeliveryHour::repeated).count();
      notes.add(new DstNote.RepeatedHour(date, hourEnding, inHour.size() - repeated, repeated,
          repeatedFrom.toInstant(change.getOffsetBefore()), repeatedFrom.toInstant(change.getOffsetAfter())));
    }));
    return notes;
  }

  private static Optional<ZoneOffsetTransition> transitionOn(LocalDate date) {
    Instant midnight = date.atStartOfDay(CENTRAL).toInstant();
    ZoneOffsetTransition next = CENTRAL.getRules().nextTransition(midnight.minusNanos(1));
    return Optional.ofNullable(next).filter(t -> t.getDateTimeBefore().toLocalDate().equals(date));
  }
}
