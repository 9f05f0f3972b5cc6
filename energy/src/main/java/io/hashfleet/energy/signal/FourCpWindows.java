package io.hashfleet.energy.signal;

import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportResult;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Four-coincident-peak risk windows: the afternoons when ERCOT's monthly system peak is likely in
 * June to September. A site's load during the month's single peak 15-minute interval sets its
 * transmission charges for a year, so miners stay off through every likely window.
 *
 * <p>Two sources: configured windows (by default every weekday of June–September, 15:00 to 18:00
 * Central Prevailing Time), or windows raised from a system-load forecast file
 * ({@code interval_start,forecast_mw}, UTC): each forecast interval at or above a threshold, or
 * among the top N of its month, opens a window around it.
 */
public final class FourCpWindows {
  public static final ZoneId ERCOT_TIME = ZoneId.of("America/Chicago");
  private static final List<Month> SEASON = List.of(Month.JUNE, Month.JULY, Month.AUGUST, Month.SEPTEMBER);

  /** One window, [from, to). */
  public record Window(Instant from, Instant to, String why) {}

  private final List<Window> windows;

  private FourCpWindows(List<Window> windows) {
    this.windows = windows.stream().sorted(Comparator.comparing(Window::from)).toList();
  }

  /** Windows given one by one (an operator's own list, or the host's notice of likely peaks). */
  public static FourCpWindows of(List<Window> windows) {
    return new FourCpWindows(merge(windows));
  }

  public static FourCpWindows none() {
    return new FourCpWindows(List.of());
  }

  /** Weekday afternoons of June–September between {@code from} and {@code to} (local times in Central Prevailing Time). */
  public static FourCpWindows configured(LocalDate from, LocalDate to, LocalTime start, LocalTime end) {
    List<Window> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (!SEASON.contains(d.getMonth()) || d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
      out.add(new Window(ZonedDateTime.of(d, start, ERCOT_TIME).toInstant(), ZonedDateTime.of(d, end, ERCOT_TIME).toInstant(),
          "4CP season afternoon " + start + "–" + end + " CPT"));
    }
    return new FourCpWindows(out);
  }

  /**
   * Windows from a load forecast: every interval at or above {@code thresholdMw}, and the
   * {@code topPerMonth} highest intervals of each season month, each padded by {@code margin}
   * on both sides. Overlapping windows merge.
   */
  public static ImportResult<FourCpWindows> fromForecast(String name, String text, BigDecimal thresholdMw, int topPerMonth, Duration margin) {
    CsvFile csv = CsvFile.parse(name, text, List.of("interval_start", "forecast_mw"));
    Map<Instant, BigDecimal> load = new TreeMap<>();
    for (CsvFile.Row r : csv.rows()) {
      try {
        Instant t = Instant.parse(r.get("interval_start"));
        BigDecimal mw = new BigDecimal(r.get("forecast_mw"));
        if (load.put(t, mw) != null) csv.error(r.line(), "duplicate interval " + t);
      } catch (DateTimeParseException e) {
        csv.error(r.line(), "bad time '" + r.get("interval_start") + "' (expected an ISO instant in UTC)");
      } catch (NumberFormatException e) {
        csv.error(r.line(), "bad number '" + r.get("forecast_mw") + "' in forecast_mw");
      }
    }
    if (!csv.errors().isEmpty()) return ImportResult.of(List.of(), csv.errors());
    Map<String, List<Map.Entry<Instant, BigDecimal>>> byMonth = new TreeMap<>();
    List<Window> raw = new ArrayList<>();
    for (var e : load.entrySet()) {
      ZonedDateTime local = e.getKey().atZone(ERCOT_TIME);
      if (!SEASON.contains(local.getMonth())) continue;
      byMonth.computeIfAbsent(local.getYear() + "-" + local.getMonthValue(), k -> new ArrayList<>()).add(e);
      if (thresholdMw != null && e.getValue().compareTo(thresholdMw) >= 0) {
        raw.add(new Window(e.getKey().minus(margin), e.getKey().plus(margin).plus(Duration.ofMinutes(15)),
            "forecast " + e.getValue().toPlainString() + " MW ≥ " + thresholdMw.toPlainString() + " MW"));
      }
    }
    for (var month : byMonth.values()) {
      month.sort((a, b) -> b.getValue().compareTo(a.getValue()));
      for (var e : month.subList(0, Math.min(topPerMonth, month.size()))) {
        raw.add(new Window(e.getKey().minus(margin), e.getKey().plus(margin).plus(Duration.ofMinutes(15)),
            "forecast " + e.getValue().toPlainString() + " MW among the month's top " + topPerMonth));
      }
    }
    return ImportResult.of(List.of(new FourCpWindows(merge(raw))), List.of());
  }

  private static List<Window> merge(List<Window> raw) {
    List<Window> sorted = raw.stream().sorted(Comparator.comparing(Window::from)).toList();
    List<Window> out = new ArrayList<>();
    for (Window w : sorted) {
      if (!out.isEmpty() && !w.from().isAfter(out.getLast().to())) {
        Window last = out.removeLast();
        out.add(new Window(last.from(), w.to().isAfter(last.to()) ? w.to() : last.to(), last.why()));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  public List<Window> windows() {
    return windows;
  }

  /** Whether [from, from + length) touches a window. */
  public boolean overlaps(Instant from, Duration length) {
    Instant to = from.plus(length);
    for (Window w : windows) {
      if (w.from().isBefore(to) && from.isBefore(w.to())) return true;
      if (!w.from().isBefore(to)) break;
    }
    return false;
  }
}
