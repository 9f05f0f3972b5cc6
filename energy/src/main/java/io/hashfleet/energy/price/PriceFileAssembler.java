package io.hashfleet.energy.price;

import io.hashfleet.energy.price.PriceFileReport.DroppedDuplicate;
import io.hashfleet.money.csv.CsvFile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the well-formed rows of any price file into prices and findings. Shared by the readers so
 * that an ERCOT file and a plain one are judged by the same rules: an exact repeat is dropped with
 * a note, a repeat with another price is an error because nobody can say which price is right,
 * rows out of time order are fine, and overlapping intervals are an error.
 */
final class PriceFileAssembler {
  private final CsvFile csv;
  private final PriceFormat format;
  private Optional<String> settlementPoint = Optional.empty();
  private Optional<String> settlementPointType = Optional.empty();
  private List<DstNote> dstNotes = List.of();

  PriceFileAssembler(CsvFile csv, PriceFormat format) {
    this.csv = csv;
    this.format = format;
  }

  PriceFileAssembler settlementPoint(String name, String type) {
    settlementPoint = Optional.of(name);
    settlementPointType = Optional.ofNullable(type).filter(t -> !t.isEmpty());
    return this;
  }

  PriceFileAssembler dstNotes(List<DstNote> notes) {
    dstNotes = List.copyOf(notes);
    return this;
  }

  /** Adds any errors of its own to the file's, and yields prices only when there are none at all. */
  PriceImport assemble(List<PriceRow> rows) {
    Map<Instant, PriceRow> kept = new LinkedHashMap<>();
    List<DroppedDuplicate> duplicates = new ArrayList<>();
    List<Integer> outOfOrder = new ArrayList<>();
    Instant latest = null;
    for (PriceRow row : rows) {
      PriceRow earlier = kept.get(row.start());
      if (earlier != null) {
        repeated(earlier, row, duplicates);
        continue;
      }
      if (latest != null && row.start().isBefore(latest)) outOfOrder.add(row.line());
      if (latest == null || row.start().isAfter(latest)) latest = row.start();
      kept.put(row.start(), row);
    }
    List<PriceRow> sorted = kept.values().stream().sorted(Comparator.comparing(PriceRow::start)).toList();
    overlaps(sorted);
    if (sorted.isEmpty() && csv.errorCount() == 0) csv.error(1, "no price rows in the file");
    if (csv.errorCount() > 0) return PriceImport.failed(csv.errors());
    PowerPrices prices = PowerPrices.of(sorted.stream().map(PriceRow::interval).toList());
    return PriceImport.of(prices, report(prices, sorted, duplicates, outOfOrder));
  }

  /**
   * Compares each interval with the one reaching furthest before it, so a long interval lying over
   * several short ones is reported against each of them.
   */
  private void overlaps(List<PriceRow> sorted) {
    PriceRow reach = null;
    for (PriceRow row : sorted) {
      if (reach != null && reach.interval().overlaps(row.interval())) {
        PriceRow later = reach.line() > row.line() ? reach : row;
        PriceRow other = later == reach ? row : reach;
        csv.error(later.line(), "interval " + later.interval().range() + " overlaps " + other.interval().range() + " on line " + other.line());
      }
      if (reach == null || row.interval().end().isAfter(reach.interval().end())) reach = row;
    }
  }

  private void repeated(PriceRow earlier, PriceRow row, List<DroppedDuplicate> duplicates) {
    if (earlier.usdPerMwh().compareTo(row.usdPerMwh()) != 0) {
      csv.error(row.line(), "conflicting prices for the interval starting " + row.start() + ": "
          + row.usdPerMwh().toPlainString() + " here, " + earlier.usdPerMwh().toPlainString() + " on line " + earlier.line());
    } else if (!earlier.length().equals(row.length())) {
      csv.error(row.line(), "the interval starting " + row.start() + " is " + PriceFileReport.minutes(row.length())
          + " long here but " + PriceFileReport.minutes(earlier.length()) + " on line " + earlier.line());
    } else {
      duplicates.add(new DroppedDuplicate(row.start(), row.usdPerMwh(), earlier.line(), row.line()));
    }
  }

  private PriceFileReport report(PowerPrices prices, List<PriceRow> sorted, List<DroppedDuplicate> duplicates, List<Integer> outOfOrder) {
    TimeRange span = prices.span().orElseThrow();
    List<BigDecimal> values = sorted.stream().map(PriceRow::usdPerMwh).toList();
    return new PriceFileReport(
        csv.name(),
        format,
        settlementPoint,
        settlementPointType,
        sorted.size(),
        mostCommonLength(sorted),
        span,
        duplicates,
        outOfOrder.stream().sorted().toList(),
        (int) values.stream().filter(p -> p.signum() < 0).count(),
        values.stream().min(Comparator.naturalOrder()).orElseThrow(),
        values.stream().max(Comparator.naturalOrder()).orElseThrow(),
        prices.coverage(span.from(), span.to()).gaps(),
        dstNotes);
  }

  private static Duration mostCommonLength(List<PriceRow> rows) {
    Map<Duration, Long> counts = rows.stream().collect(Collectors.groupingBy(PriceRow::length, HashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.<Duration, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow();
  }
}
