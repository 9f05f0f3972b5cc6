package io.hashfleet.energy.backtest;

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
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Hashprice in USD per PH/s per day, for each day of a backtest. */
public sealed interface HashpriceSource {
  BigDecimal usdPerPhDay(LocalDate day);

  String describe();

  record Constant(BigDecimal usd) implements HashpriceSource {
    public Constant {
      if (usd.signum() < 0) throw new IllegalArgumentException("hashprice cannot be negative: " + usd.toPlainString());
    }

    @Override
    public BigDecimal usdPerPhDay(LocalDate day) {
      return usd;
    }

    @Override
    public String describe() {
      return "$" + usd.toPlainString() + "/PH/day (constant)";
    }
  }

  /** Daily values; a day without one uses the latest before it. */
  record Daily(NavigableMap<LocalDate, BigDecimal> byDay, String file) implements HashpriceSource {
    @Override
    public BigDecimal usdPerPhDay(LocalDate day) {
      Map.Entry<LocalDate, BigDecimal> e = byDay.floorEntry(day);
      if (e == null) throw new IllegalArgumentException(file + ": no hashprice on or before " + day + " (the file starts " + byDay.firstKey() + ")");
      return e.getValue();
    }

    @Override
    public String describe() {
      return "daily from " + file + " (" + byDay.firstKey() + " to " + byDay.lastKey() + ")";
    }
  }

  /** A number is a constant; anything else is a {@code date,usd_per_ph_day} CSV file. */
  static HashpriceSource parse(String valueOrFile) throws IOException {
    try {
      return new Constant(new BigDecimal(valueOrFile));
    } catch (NumberFormatException notANumber) {
      Path p = Path.of(valueOrFile);
      return daily(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)).orThrow().getFirst();
    }
  }

  static ImportResult<Daily> daily(String name, String text) {
    CsvFile csv = CsvFile.parse(name, text, List.of("date", "usd_per_ph_day"));
    TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
    for (CsvFile.Row r : csv.rows()) {
      try {
        LocalDate d = LocalDate.parse(r.get("date"));
        BigDecimal v = new BigDecimal(r.get("usd_per_ph_day"));
        if (v.signum() < 0) {
          csv.error(r.line(), "negative hashprice " + v.toPlainString());
        } else if (days.put(d, v) != null) {
          csv.error(r.line(), "duplicate date " + d);
        }
      } catch (DateTimeParseException e) {
        csv.error(r.line(), "bad date '" + r.get("date") + "'");
      } catch (NumberFormatException e) {
        csv.error(r.line(), "bad number '" + r.get("usd_per_ph_day") + "' in usd_per_ph_day");
      }
    }
    if (days.isEmpty() && csv.errors().isEmpty()) csv.error(1, "no hashprice rows");
    return ImportResult.of(csv.errors().isEmpty() ? List.of(new Daily(days, name)) : new ArrayList<>(), csv.errors());
  }
}
