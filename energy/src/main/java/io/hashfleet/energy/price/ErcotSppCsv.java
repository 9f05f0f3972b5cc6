package io.hashfleet.energy.price;

import io.hashfleet.energy.price.ErcotClock.DeliveryHour;
import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ERCOT settlement point price reports: real-time (NP6-905-CD, 15-minute intervals) and
 * day-ahead (NP4-190-CD, hourly), told apart by their header. Hours are hour-ending in Central
 * Prevailing Time and become UTC here (see {@link ErcotClock}).
 *
 * <p>A report prices hundreds of settlement points; a fleet is paid or charged at one, so exactly
 * one is read. All or nothing: any bad row anywhere in the file, for any point, means no prices,
 * because a file that is wrong in one place may be wrong in others nobody checked.
 */
public final class ErcotSppCsv {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern HOUR_ENDING = Pattern.compile("(\\d{1,2}):00");
  private static final int POINTS_LISTED = 20;

  private record ErcotRow(int line, String point, String type, DeliveryHour hour, Instant start, BigDecimal price) {}

  private ErcotSppCsv() {}

  /** Reads a UTF-8 file; errors name it as given. */
  public static PriceImport read(Path file, String settlementPoint) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), settlementPoint);
  }

  /**
   * @param settlementPoint the point to read, such as {@code HB_WEST} (any case); may be null when
   *     the file prices a single point
   */
  public static PriceImport parse(String fileName, String text, String settlementPoint) {
    if (text.isBlank()) {
      return PriceImport.failed(List.of(new ImportError(fileName, 1, "empty file; expected a header with " + ErcotLayout.expectedHeaders())));
    }
    CsvFile probe = CsvFile.parse(fileName, text, List.of());
    Optional<ErcotLayout> detected = ErcotLayout.detect(probe);
    if (detected.isEmpty()) {
      probe.error(1, "not an ERCOT settlement point price report; expected a header with " + ErcotLayout.expectedHeaders());
      return PriceImport.failed(probe.errors());
    }
    ErcotLayout layout = detected.get();
    CsvFile csv = CsvFile.parse(fileName, text, layout.requiredColumns());
    List<ErcotRow> rows = new ArrayList<>();
    for (CsvFile.Row row : csv.rows()) readRow(csv, layout, row).ifPresent(rows::add);

    List<String> points = csv.rows().stream().map(r -> r.get(layout.point)).filter(p -> !p.isEmpty()).distinct()
        .sorted(Comparator.comparing(ErcotSppCsv::listingOrder)).toList();
    String chosen = choosePoint(csv, points, settlementPoint);
    if (chosen == null) return PriceImport.failed(csv.errors());

    List<ErcotRow> selected = rows.stream().filter(r -> r.point().equals(chosen)).toList();
    Duration length = layout.interval == null ? Duration.ofHours(1) : Duration.ofMinutes(15);
    return new PriceFileAssembler(csv, layout.format)
        .settlementPoint(chosen, selected.isEmpty() ? null : selected.getFirst().type())
        .dstNotes(ErcotClock.notes(oncePerInterval(selected).stream().map(ErcotRow::hour).toList()))
        .assemble(selected.stream().map(r -> new PriceRow(r.line(), r.start(), length, r.price())).toList());
  }

  /** The first row for each interval, so a dropped duplicate is not counted again in a clock-change note. */
  private static List<ErcotRow> oncePerInterval(List<ErcotRow> rows) {
    Map<Instant, ErcotRow> first = new LinkedHashMap<>();
    for (ErcotRow row : rows) first.putIfAbsent(row.start(), row);
    return List.copyOf(first.values());
  }

  /** Reads every field, reporting each bad one, so one pass over the file finds all its problems. */
  private static Optional<ErcotRow> readRow(CsvFile csv, ErcotLayout layout, CsvFile.Row row) {
    int errorsBefore = csv.errorCount();
    LocalDate date = date(csv, row, layout.date);
    int hourEnding = layout.interval == null ? hourEnding(csv, row, layout.hour) : number(csv, row, layout.hour, "hour", 24);
    int interval = layout.interval == null ? 1 : number(csv, row, layout.interval, "interval", 4);
    Boolean repeated = flag(csv, row, layout.flag);
    String point = row.get(layout.point);
    if (point.isEmpty()) csv.error(row.line(), "empty settlement point in " + layout.point);
    BigDecimal price = price(csv, row, layout.price);
    if (csv.errorCount() > errorsBefore) return Optional.empty();
    DeliveryHour hour = new DeliveryHour(date, hourEnding, repeated);
    try {
      Instant start = ErcotClock.start(hour, (interval - 1) * 15);
      return Optional.of(new ErcotRow(row.line(), point, layout.type == null ? null : row.get(layout.type), hour, start, price));
    } catch (IllegalArgumentException e) {
      csv.error(row.line(), e.getMessage());
      return Optional.empty();
    }
  }

  private static LocalDate date(CsvFile csv, CsvFile.Row row, String column) {
    try {
      return LocalDate.parse(row.get(column), DATE);
    } catch (DateTimeParseException e) {
      csv.error(row.line(), "bad date '" + row.get(column) + "' in " + column + " (expected MM/DD/YYYY)");
      return null;
    }
  }

  private static int number(CsvFile csv, CsvFile.Row row, String column, String what, int max) {
    String text = row.get(column);
    try {
      int value = Integer.parseInt(text);
      if (value < 1 || value > max) csv.error(row.line(), what + " " + value + " out of range in " + column + " (expected 1 to " + max + ")");
      return value;
    } catch (NumberFormatException e) {
      csv.error(row.line(), "bad " + what + " '" + text + "' in " + column + " (expected 1 to " + max + ")");
      return 0;
    }
  }

  private static int hourEnding(CsvFile csv, CsvFile.Row row, String column) {
    Matcher m = HOUR_ENDING.matcher(row.get(column));
    if (!m.matches()) {
      csv.error(row.line(), "bad hour ending '" + row.get(column) + "' in " + column + " (expected 01:00 to 24:00)");
      return 0;
    }
    int hour = Integer.parseInt(m.group(1));
    if (hour < 1 || hour > 24) csv.error(row.line(), "hour ending " + row.get(column) + " out of range in " + column + " (expected 01:00 to 24:00)");
    return hour;
  }

  private static Boolean flag(CsvFile csv, CsvFile.Row row, String column) {
    String text = row.get(column);
    if (text.equalsIgnoreCase("N")) return false;
    if (text.equalsIgnoreCase("Y")) return true;
    csv.error(row.line(), "unknown repeated hour flag '" + text + "' in " + column + " (expected N or Y)");
    return null;
  }

  private static BigDecimal price(CsvFile csv, CsvFile.Row row, String column) {
    try {
      return new BigDecimal(row.get(column));
    } catch (NumberFormatException e) {
      csv.error(row.line(), "bad price '" + row.get(column) + "' in " + column);
      return null;
    }
  }

  /** The point to read, or null after adding an error that says which points there are. */
  private static String choosePoint(CsvFile csv, List<String> points, String requested) {
    if (points.isEmpty()) {
      if (csv.errorCount() == 0) csv.error(1, "no price rows in the file");
      return null;
    }
    if (requested == null || requested.isBlank()) {
      if (points.size() == 1) return points.getFirst();
      csv.error(1, points.size() + " settlement points in the file; pick one with --settlement-point: " + listing(points));
      return null;
    }
    Optional<String> match = points.stream().filter(p -> p.equalsIgnoreCase(requested.strip())).findFirst();
    if (match.isEmpty()) csv.error(1, "no settlement point '" + requested.strip() + "' in the file; it has " + listing(points));
    return match.orElse(null);
  }

  /** Hubs and load zones first: they are what most fleets settle at, and a node list runs to hundreds. */
  private static String listingOrder(String point) {
    String rank = point.startsWith("HB_") ? "0" : point.startsWith("LZ_") ? "1" : "2";
    return rank + point;
  }

  private static String listing(List<String> points) {
    String shown = String.join(", ", points.subList(0, Math.min(points.size(), POINTS_LISTED)));
    return points.size() > POINTS_LISTED ? shown + " and " + (points.size() - POINTS_LISTED) + " more" : shown;
  }
}
