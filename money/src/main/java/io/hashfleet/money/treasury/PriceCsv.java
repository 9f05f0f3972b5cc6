package io.hashfleet.money.treasury;

import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports daily close prices from CSV with the header {@code date,price_usd} (columns found by
 * name, others ignored). Like payouts, all or nothing: every bad line is reported with file and
 * line number and a file with any bad line yields no prices, since one wrong close silently skews
 * every valuation that falls back to it.
 */
public final class PriceCsv {
  public static final List<String> REQUIRED_COLUMNS = List.of("date", "price_usd");

  private PriceCsv() {}

  public static ImportResult<DailyPrice> read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  public static ImportResult<DailyPrice> parse(String fileName, String text) {
    CsvFile csv = CsvFile.parse(fileName, text, REQUIRED_COLUMNS);
    List<DailyPrice> prices = new ArrayList<>();
    Map<LocalDate, Integer> firstLineOfDate = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      int errorsBefore = csv.errorCount();
      LocalDate date = null;
      try {
        date = LocalDate.parse(row.get("date"));
        Integer first = firstLineOfDate.putIfAbsent(date, row.line());
        if (first != null) csv.error(row.line(), "duplicate date " + date + " (first on line " + first + ")");
      } catch (DateTimeParseException e) {
        csv.error(row.line(), "bad date '" + row.get("date") + "' in date");
      }
      BigDecimal usd = price(csv, row);
      if (csv.errorCount() == errorsBefore) prices.add(new DailyPrice(date, usd));
    }
    return ImportResult.of(prices, csv.errors());
  }

  private static BigDecimal price(CsvFile csv, CsvFile.Row row) {
    String text = row.get("price_usd");
    try {
      BigDecimal usd = new BigDecimal(text);
      if (usd.signum() < 0) csv.error(row.line(), "negative price " + text);
      if (usd.signum() == 0) csv.error(row.line(), "zero price " + text);
      return usd;
    } catch (NumberFormatException e) {
      csv.error(row.line(), "bad price '" + text + "' in price_usd");
      return null;
    }
  }
}
