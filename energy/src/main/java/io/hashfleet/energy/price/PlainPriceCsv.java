package io.hashfleet.energy.price;

import io.hashfleet.money.csv.CsvFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads prices from any market in the simplest shape: {@code interval_start,price_usd_per_mwh},
 * starts as ISO instants in UTC ({@code 2024-07-15T21:30:00Z}). An optional
 * {@code interval_minutes} column gives each interval's length; without it the length is the most
 * common spacing between consecutive starts, so a file with a few missing intervals still reads
 * as the 15-minute or hourly series it is.
 */
public final class PlainPriceCsv {
  public static final List<String> REQUIRED_COLUMNS = List.of("interval_start", "price_usd_per_mwh");
  public static final String MINUTES_COLUMN = "interval_minutes";

  private PlainPriceCsv() {}

  /** Reads a UTF-8 file; errors name it as given. */
  public static PriceImport read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  public static PriceImport parse(String fileName, String text) {
    CsvFile csv = CsvFile.parse(fileName, text, REQUIRED_COLUMNS);
    boolean lengthsGiven = csv.hasColumn(MINUTES_COLUMN);
    List<PriceRow> rows = new ArrayList<>();
    for (CsvFile.Row row : csv.rows()) {
      int errorsBefore = csv.errorCount();
      Instant start = start(csv, row);
      BigDecimal price = price(csv, row);
      Duration length = lengthsGiven ? minutes(csv, row) : null; // inferred below when not given
      if (csv.errorCount() == errorsBefore) rows.add(new PriceRow(row.line(), start, length, price));
    }
    if (!lengthsGiven && !rows.isEmpty()) {
      Optional<Duration> inferred = commonSpacing(rows.stream().map(PriceRow::start).toList());
      if (inferred.isEmpty()) {
        csv.error(rows.getFirst().line(), "cannot tell the interval length from a single interval; add an " + MINUTES_COLUMN + " column");
        return PriceImport.failed(csv.errors());
      }
      rows = rows.stream().map(r -> new PriceRow(r.line(), r.start(), inferred.get(), r.usdPerMwh())).toList();
    }
    // Assembled even after bad rows, so conflicts among the good ones are reported in the same pass.
    return new PriceFileAssembler(csv, PriceFormat.PLAIN).assemble(rows);
  }

  /**
   * The most common gap between consecutive distinct starts. On a tie the shorter wins: too short
   * a length only shows up as gaps, too long a one would make intervals overlap.
   */
  static Optional<Duration> commonSpacing(List<Instant> starts) {
    List<Instant> sorted = starts.stream().distinct().sorted().toList();
    Map<Duration, Long> counts = new TreeMap<>();
    for (int i = 1; i < sorted.size(); i++) {
      counts.merge(Duration.between(sorted.get(i - 1), sorted.get(i)), 1L, Long::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<Duration, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey);
  }

  private static Instant start(CsvFile csv, CsvFile.Row row) {
    String text = row.get("interval_start");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      csv.error(row.line(), "bad time '" + text + "' in interval_start (expected a UTC instant such as 2024-07-15T21:30:00Z)");
      return null;
    }
  }

  private static BigDecimal price(CsvFile csv, CsvFile.Row row) {
    String text = row.get("price_usd_per_mwh");
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      csv.error(row.line(), "bad price '" + text + "' in price_usd_per_mwh");
      return null;
    }
  }

  private static Duration minutes(CsvFile csv, CsvFile.Row row) {
    String text = row.get(MINUTES_COLUMN);
    try {
      int minutes = Integer.parseInt(text);
      if (minutes > 0) return Duration.ofMinutes(minutes);
    } catch (NumberFormatException e) {
      // reported below, like a zero or negative length
    }
    csv.error(row.line(), "bad interval length '" + text + "' in " + MINUTES_COLUMN + " (expected whole minutes above zero)");
    return null;
  }
}
