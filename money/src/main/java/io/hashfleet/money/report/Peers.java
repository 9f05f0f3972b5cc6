package io.hashfleet.money.report;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Peers' published monthly figures from a CSV the owner keeps: {@code company,month,hashrate,btc}. */
public final class Peers {
  public static final List<String> COLUMNS = List.of("company", "month", "hashrate", "btc");

  /** One row of the file. */
  public record Row(String company, YearMonth month, Hashrate hashrate, BigDecimal btc) {}

  private Peers() {}

  public static List<Row> read(Path file) throws IOException {
    return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).orThrow();
  }

  public static ImportResult<Row> parse(String name, String text) {
    CsvFile csv = CsvFile.parse(name, text, COLUMNS);
    List<Row> out = new ArrayList<>();
    for (CsvFile.Row r : csv.rows()) {
      try {
        if (r.get("company").isEmpty()) throw new IllegalArgumentException("company is empty");
        YearMonth month;
        try {
          month = YearMonth.parse(r.get("month"));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("bad month '" + r.get("month") + "' (expected YYYY-MM)");
        }
        BigDecimal btc;
        try {
          btc = new BigDecimal(r.get("btc"));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad number '" + r.get("btc") + "' in btc");
        }
        if (btc.signum() < 0) throw new IllegalArgumentException("negative amount " + btc.toPlainString() + " in btc");
        out.add(new Row(r.get("company"), month, Hashrate.parse(r.get("hashrate")), btc));
      } catch (IllegalArgumentException e) {
        csv.error(r.line(), e.getMessage());
      }
    }
    return ImportResult.of(out, csv.errors());
  }
}
