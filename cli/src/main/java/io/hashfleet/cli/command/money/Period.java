package io.hashfleet.cli.command.money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A period [from, to) in UTC from the command line: dates (midnight UTC), instants, or a month. */
record Period(Instant from, Instant to) {
  Period {
    if (!to.isAfter(from)) throw new IllegalArgumentException("--to " + to + " must be after --from " + from);
  }

  static Period of(String from, String to, String month) {
    if (month != null) {
      if (from != null || to != null) throw new IllegalArgumentException("give either --month or --from/--to, not both");
      YearMonth m;
      try {
        m = YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--month '" + month + "': expected YYYY-MM such as 2024-12");
      }
      return new Period(m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
          m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (from == null || to == null) throw new IllegalArgumentException("give --from and --to (or --month)");
    return new Period(instant("--from", from), instant("--to", to));
  }

  static Instant instant(String option, String text) {
    try {
      if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "': expected a date such as 2024-12-01 or an instant such as 2024-12-01T00:00:00Z");
    }
  }
}
