package io.hashfleet.energy.price;

import static io.hashfleet.energy.price.PriceFixtures.errors;
import static io.hashfleet.energy.price.PriceFixtures.priceAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.energy.price.PriceFileReport.DroppedDuplicate;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainPriceCsvTest {
  static final String HOURLY = "plain-hourly-2024-12-01.csv";

  static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void hourlyFile_infersAnHourFromTheMostCommonSpacing_despiteAGap() {
    PriceImport read = PlainPriceCsv.parse("prices/" + HOURLY, PriceFixtures.text(HOURLY));
    PowerPrices prices = read.orThrow();
    assertThat(prices.intervals()).hasSize(8).allSatisfy(i -> assertThat(i.length()).isEqualTo(Duration.ofHours(1)));
    assertThat(priceAt(prices, "2024-12-01T02:30:00Z")).isEqualByComparingTo("28.10");
    assertThat(priceAt(prices, "2024-12-01T07:59:59Z")).isEqualByComparingTo("-4.25");
    assertThat(prices.priceAt(utc("2024-12-01T05:00:00Z"))).isEmpty();
  }

  @Test
  void report_ofAPlainFile_hasNoSettlementPointButTheSameFindings() {
    PriceFileReport report = PlainPriceCsv.parse("prices/" + HOURLY, PriceFixtures.text(HOURLY)).report();
    assertThat(report.format()).isEqualTo(PriceFormat.PLAIN);
    assertThat(report.settlementPoint()).isEmpty();
    assertThat(report.span()).isEqualTo(new TimeRange(utc("2024-12-01T00:00:00Z"), utc("2024-12-01T10:00:00Z")));
    assertThat(report.gaps()).containsExactly(new TimeRange(utc("2024-12-01T05:00:00Z"), utc("2024-12-01T07:00:00Z")));
    assertThat(report.missing()).isEqualTo(Duration.ofHours(2));
    assertThat(report.outOfOrderLines()).containsExactly(5);
    assertThat(report.duplicatesDropped()).as("12.6 and 12.60 are the same price")
        .containsExactly(new DroppedDuplicate(utc("2024-12-01T09:00:00Z"), new BigDecimal("12.6"), 9, 10));
    assertThat(report.negativeIntervals()).isEqualTo(2);
    assertThat(report.minimumPrice()).isEqualByComparingTo("-4.25");
    assertThat(report.findings()).contains(
        "prices/plain-hourly-2024-12-01.csv: plain interval_start,price_usd_per_mwh",
        "gap: no price from 2024-12-01T05:00:00Z to 2024-12-01T07:00:00Z (2 h)",
        "2 negative-price intervals, lowest -4.25 $/MWh");
  }

  @Test
  void intervalMinutesColumn_winsOverTheSpacing() {
    PowerPrices prices = PlainPriceCsv.parse("prices.csv", """
        interval_start,interval_minutes,price_usd_per_mwh
        2024-12-01T00:00:00Z,15,31.20
        2024-12-01T01:00:00Z,15,29.85
        2024-12-01T02:00:00Z,15,28.10
        """).orThrow();
    assertThat(prices.intervals()).allSatisfy(i -> assertThat(i.length()).isEqualTo(Duration.ofMinutes(15)));
    assertThat(prices.priceAt(utc("2024-12-01T00:30:00Z"))).isEmpty();
    assertThat(prices.coverage(utc("2024-12-01T00:00:00Z"), utc("2024-12-01T02:15:00Z")).missing()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void spacing_onATie_isTheShorterOne_soIntervalsCannotOverlap() {
    assertThat(PlainPriceCsv.commonSpacing(List.of(
        utc("2024-12-01T00:00:00Z"), utc("2024-12-01T00:15:00Z"), utc("2024-12-01T01:15:00Z"))))
        .contains(Duration.ofMinutes(15));
  }

  @Test
  void badRows_areEachReportedWithFileAndLine_andNothingIsImported() {
    PriceImport read = PlainPriceCsv.parse("prices.csv", """
        interval_start,price_usd_per_mwh,interval_minutes
        2024-12-01T00:00:00Z,31.20,60
        2024-12-01 01:00,29.85,60
        2024-12-01T02:00:00Z,n/a,60
        2024-12-01T03:00:00Z,27.40,0
        2024-12-01T00:00:00Z,31.25,60
        2024-12-01T04:00:00Z,26.95,60
        2024-12-01T04:30:00Z,26.95,60
        """);
    assertThat(read.result().rows()).isEmpty();
    assertThat(errors(read)).containsExactly(
        "prices.csv:3: bad time '2024-12-01 01:00' in interval_start (expected a UTC instant such as 2024-07-15T21:30:00Z)",
        "prices.csv:4: bad price 'n/a' in price_usd_per_mwh",
        "prices.csv:5: bad interval length '0' in interval_minutes (expected whole minutes above zero)",
        "prices.csv:6: conflicting prices for the interval starting 2024-12-01T00:00:00Z: 31.25 here, 31.20 on line 2",
        "prices.csv:8: interval [2024-12-01T04:30:00Z, 2024-12-01T05:30:00Z) overlaps [2024-12-01T04:00:00Z, 2024-12-01T05:00:00Z) on line 7");
  }

  @Test
  void singleRowWithoutIntervalMinutes_isRefused_asItsLengthCannotBeTold() {
    assertThat(errors(PlainPriceCsv.parse("one.csv", "interval_start,price_usd_per_mwh\n2024-12-01T00:00:00Z,31.20\n")))
        .containsExactly("one.csv:2: cannot tell the interval length from a single interval; add an interval_minutes column");
    assertThat(errors(PlainPriceCsv.parse("none.csv", "interval_start,price_usd_per_mwh\n")))
        .containsExactly("none.csv:1: no price rows in the file");
  }

  @Test
  void read_namesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, "interval_start,price_usd_per_mwh\n2024-12-01T00:00:00Z,abc\n");
    assertThat(errors(PlainPriceCsv.read(file))).containsExactly(file + ":2: bad price 'abc' in price_usd_per_mwh");
  }
}
