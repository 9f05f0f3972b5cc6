package io.hashfleet.money.cost;

import io.hashfleet.domain.Hashrate;
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
import java.util.Locale;
import java.util.Map;

/** Acquisition tranches from a CSV file: {@code tranche,date,hashrate,price_usd,paid_in} (cash or stock). */
public final class Tranches {
  public static final List<String> COLUMNS = List.of("tranche", "date", "hashrate", "price_usd", "paid_in");

  private Tranches() {}

  public static List<AcquisitionTranche> read(Path file) throws IOException {
    return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).orThrow();
  }

  public static ImportResult<AcquisitionTranche> parse(String name, String text) {
    CsvFile csv = CsvFile.parse(name, text, COLUMNS);
    List<AcquisitionTranche> out = new ArrayList<>();
    Map<String, Integer> lineOfName = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      try {
        LocalDate date;
        try {
          date = LocalDate.parse(row.get("date"));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("bad date '" + row.get("date") + "' in date");
        }
        BigDecimal price;
        try {
          price = new BigDecimal(row.get("price_usd"));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad number '" + row.get("price_usd") + "' in price_usd");
        }
        if (price.signum() < 0) throw new IllegalArgumentException("negative amount " + price.toPlainString() + " in price_usd");
        AcquisitionTranche.Payment paid = switch (row.get("paid_in").toLowerCase(Locale.ROOT)) {
          case "cash" -> AcquisitionTranche.Payment.CASH;
          case "stock" -> AcquisitionTranche.Payment.STOCK;
          default -> throw new IllegalArgumentException("paid_in must be cash or stock, got '" + row.get("paid_in") + "'");
        };
        AcquisitionTranche t = new AcquisitionTranche(row.get("tranche"), date, Hashrate.parse(row.get("hashrate")), price, paid);
        Integer first = lineOfName.putIfAbsent(t.name(), row.line());
        if (first != null) {
          csv.error(row.line(), "duplicate tranche '" + t.name() + "' (first on line " + first + ")");
          continue;
        }
        out.add(t);
      } catch (IllegalArgumentException e) {
        csv.error(row.line(), e.getMessage());
      }
    }
    return ImportResult.of(out, csv.errors());
  }
}
