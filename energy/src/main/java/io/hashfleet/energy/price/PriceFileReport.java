package io.hashfleet.energy.price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a price file found, beyond the prices themselves: things that were accepted but
 * that an operator should see before trusting a curtailment backtest built on the file.
 *
 * @param settlementPoint the ERCOT settlement point whose rows were read; empty for plain files,
 *     which price a single unnamed point
 * @param settlementPointType as the file gives it ({@code HU} hub, {@code LZ} load zone, {@code RN}
 *     resource node...); empty when the file does not say
 * @param intervalsRead distinct intervals imported, after duplicates were dropped
 * @param intervalLength the length most intervals have
 * @param span from the first interval's start to the last one's end
 * @param duplicatesDropped rows that repeated an earlier row's interval and price exactly
 * @param outOfOrderLines rows that start before a row above them; accepted and sorted
 * @param negativeIntervals intervals priced below zero
 * @param gaps stretches inside {@code span} without a price
 * @param dstNotes days the file crosses a clock change on
 */
public record PriceFileReport(
    String file,
    PriceFormat format,
    Optional<String> settlementPoint,
    Optional<String> settlementPointType,
    int intervalsRead,
    Duration intervalLength,
    TimeRange span,
    List<DroppedDuplicate> duplicatesDropped,
    List<Integer> outOfOrderLines,
    int negativeIntervals,
    BigDecimal minimumPrice,
    BigDecimal maximumPrice,
    List<TimeRange> gaps,
    List<DstNote> dstNotes) {

  public PriceFileReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(settlementPoint, "settlementPoint");
    Objects.requireNonNull(settlementPointType, "settlementPointType");
    Objects.requireNonNull(intervalLength, "intervalLength");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(minimumPrice, "minimumPrice");
    Objects.requireNonNull(maximumPrice, "maximumPrice");
    duplicatesDropped = List.copyOf(duplicatesDropped);
    outOfOrderLines = List.copyOf(outOfOrderLines);
    gaps = List.copyOf(gaps);
    dstNotes = List.copyOf(dstNotes);
  }

  /** A row dropped because an earlier row already gave the same interval the same price. */
  public record DroppedDuplicate(Instant start, BigDecimal usdPerMwh, int keptLine, int droppedLine) {
    public String describe() {
      return "line " + droppedLine + " repeats line " + keptLine + " (" + start + ", "
          + usdPerMwh.toPlainString() + " $/MWh); dropped";
    }
  }

  public int outOfOrderRows() {
    return outOfOrderLines.size();
  }

  public Duration missing() {
    return gaps.stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus);
  }

  /** The findings as lines for a person, most important first. */
  public List<String> findings() {
    List<String> lines = new ArrayList<>();
    lines.add(file + ": " + format.description()
        + settlementPoint.map(p -> " for " + p + settlementPointType.map(t -> " (" + t + ")").orElse("")).orElse(""));
    lines.add(intervalsRead + " intervals of " + minutes(intervalLength) + " from " + span.from() + " to " + span.to()
        + ", " + minimumPrice.toPlainString() + " to " + maximumPrice.toPlainString() + " $/MWh");
    for (TimeRange gap : gaps) lines.add("gap: no price from " + gap.from() + " to " + gap.to() + " (" + minutes(gap.length()) + ")");
    for (DroppedDuplicate duplicate : duplicatesDropped) lines.add("duplicate: " + duplicate.describe());
    if (!outOfOrderLines.isEmpty()) {
      lines.add(outOfOrderLines.size() + (outOfOrderLines.size() == 1 ? " row" : " rows")
          + " out of time order (" + lineList(outOfOrderLines) + "); accepted and sorted");
    }
    if (negativeIntervals > 0) {
      lines.add(negativeIntervals + " negative-price " + (negativeIntervals == 1 ? "interval" : "intervals")
          + ", lowest " + minimumPrice.toPlainString() + " $/MWh");
    }
    for (DstNote note : dstNotes) lines.add("clock change: " + note.describe());
    return lines;
  }

  private static String lineList(List<Integer> lines) {
    List<String> shown = lines.stream().limit(10).map(l -> "line " + l).toList();
    return String.join(", ", shown) + (lines.size() > 10 ? " and " + (lines.size() - 10) + " more" : "");
  }

  static String minutes(Duration length) {
    long total = length.toMinutes();
    if (total < 60) return total + " min";
    return total / 60 + " h" + (total % 60 == 0 ? "" : " " + total % 60 + " min");
  }
}
