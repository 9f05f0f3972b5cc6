package io.hashfleet.money.payout;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports pool payouts from CSV. The header must name {@code payout_id,paid_at,amount_btc,currency}
 * and may name {@code pool}; order is free and other columns are ignored, because every pool
 * exports its own layout and operators add notes.
 *
 * <p>All or nothing: every bad line is reported, each with file and line number, and if there is
 * even one the import yields no payouts. A payout booked twice, or half a file booked, would put
 * the treasury out of step with the pool's statement.
 */
public final class PayoutCsv {
  public static final List<String> REQUIRED_COLUMNS = List.of("payout_id", "paid_at", "amount_btc", "currency");
  public static final String POOL_COLUMN = "pool";

  private PayoutCsv() {}

  /** Reads a UTF-8 file; errors name it as given. */
  public static ImportResult<Payout> read(Path file, Set<String> existingIds) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), existingIds);
  }

  /**
   * @param existingIds payout ids already booked; a line repeating one is an error, so importing
   *     the same export twice is refused rather than doubling income
   */
  public static ImportResult<Payout> parse(String fileName, String text, Set<String> existingIds) {
    return parse(fileName, text, existingIds, Map.of());
  }

  /** Reads a UTF-8 file into one owner's books; errors name it as given. */
  public static ImportResult<Payout> read(Path file, Set<String> existingIds, Map<String, String> elsewhere) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), existingIds, elsewhere);
  }

  /**
   * @param existingIds payout ids already in the books being imported into
   * @param elsewhere payout ids in other owners' books, each with whose books they are in: ids are
   *     unique across the store, so a line repeating one is an error that says where it already is
   */
  public static ImportResult<Payout> parse(String fileName, String text, Set<String> existingIds, Map<String, String> elsewhere) {
    CsvFile csv = CsvFile.parse(fileName, text, REQUIRED_COLUMNS);
    List<Payout> payouts = new ArrayList<>();
    Map<String, Integer> firstLineOfId = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      int errorsBefore = csv.errorCount();
      String id = row.get("payout_id");
      if (id.isEmpty()) {
        csv.error(row.line(), "empty payout_id");
      } else if (existingIds.contains(id)) {
        csv.error(row.line(), "payout id '" + id + "' already imported");
      } else if (elsewhere.containsKey(id)) {
        csv.error(row.line(), "payout id '" + id + "' is already in " + elsewhere.get(id) + " (payout ids are unique across the store)");
      } else {
        Integer first = firstLineOfId.putIfAbsent(id, row.line());
        if (first != null) csv.error(row.line(), "duplicate payout id '" + id + "' (first on line " + first + ")");
      }
      Instant paidAt = paidAt(csv, row);
      Btc amount = amount(csv, row);
      String currency = row.get("currency");
      if (currency.isEmpty()) {
        csv.error(row.line(), "empty currency");
      } else if (!currency.equalsIgnoreCase("BTC")) {
        csv.error(row.line(), "unknown currency '" + currency + "'");
      }
      if (csv.errorCount() == errorsBefore) {
        payouts.add(new Payout(id, paidAt, amount, row.get(POOL_COLUMN)));
      }
    }
    return ImportResult.of(payouts, csv.errors());
  }

  /** An ISO instant, or a bare date meaning midnight UTC, since many pools only give the day. */
  private static Instant paidAt(CsvFile csv, CsvFile.Row row) {
    String text = row.get("paid_at");
    try {
      return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      csv.error(row.line(), "bad date '" + text + "' in paid_at");
      return null;
    }
  }

  private static Btc amount(CsvFile csv, CsvFile.Row row) {
    String text = row.get("amount_btc");
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      csv.error(row.line(), "bad amount '" + text + "' in amount_btc");
      return null;
    }
    if (value.signum() < 0) {
      csv.error(row.line(), "negative amount " + text);
    } else if (value.signum() == 0) {
      csv.error(row.line(), "zero amount " + text);
    } else if (value.stripTrailingZeros().scale() > 8) {
      csv.error(row.line(), "bad amount '" + text + "' in amount_btc: more than 8 decimal places");
    } else {
      try {
        return Btc.ofBtc(value);
      } catch (IllegalArgumentException e) {
        csv.error(row.line(), "bad amount '" + text + "' in amount_btc: too large");
      }
    }
    return null;
  }
}
