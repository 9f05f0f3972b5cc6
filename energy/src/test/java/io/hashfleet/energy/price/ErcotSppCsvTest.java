package io.hashfleet.energy.price;

import static io.hashfleet.energy.price.PriceFixtures.ercot;
import static io.hashfleet.energy.price.PriceFixtures.errors;
import static io.hashfleet.energy.price.PriceFixtures.priceAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.energy.price.PriceFileReport.DroppedDuplicate;
import io.hashfleet.money.csv.ImportException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErcotSppCsvTest {
  static final String FALL_BACK = "ercot-rtm-hubs-2024-11-03.csv";
  static final String SPRING_FORWARD = "ercot-rtm-hubs-2024-03-10.csv";
  static final String DAY_AHEAD = "ercot-dam-hubs-2024-11-03.csv";
  static final String SUMMER_MIS = "ercot-rtm-mis-2024-07-15.csv";
  static final String RTM_HEADER =
      "Delivery Date,Delivery Hour,Delivery Interval,Repeated Hour Flag,Settlement Point Name,Settlement Point Type,Settlement Point Price\n";

  static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void realTime_repeatedHourEnding2_readsFlagNAsDaylightTimeAndFlagYAsStandardTimeAnHourLater() {
    PowerPrices west = ercot(FALL_BACK, "HB_WEST").orThrow();
    assertThat(west.intervalAt(utc("2024-11-03T06:00:00Z"))).hasValue(
        new PriceInterval(utc("2024-11-03T06:00:00Z"), Duration.ofMinutes(15), new BigDecimal("0.55")));
    assertThat(west.intervalAt(utc("2024-11-03T07:00:00Z"))).hasValue(
        new PriceInterval(utc("2024-11-03T07:00:00Z"), Duration.ofMinutes(15), new BigDecimal("-3.15")));
    assertThat(priceAt(west, "2024-11-03T05:00:00Z")).isEqualByComparingTo("8.40");
    assertThat(priceAt(west, "2024-11-03T07:15:00Z")).isEqualByComparingTo("-12.50");
    assertThat(priceAt(west, "2024-11-03T08:00:00Z")).as("hour ending 3 is 02:00 CST").isEqualByComparingTo("-1.02");
  }

  @Test
  void realTime_fromAnMisDownload_readsRunTogetherColumnNamesAndTheDstFlag() {
    PriceImport read = ercot(SUMMER_MIS, "HB_WEST");
    PowerPrices west = read.orThrow();
    assertThat(west.intervals()).extracting(PriceInterval::start).containsExactly(
        utc("2024-07-15T21:00:00Z"), utc("2024-07-15T21:15:00Z"), utc("2024-07-15T21:30:00Z"), utc("2024-07-15T21:45:00Z"));
    assertThat(priceAt(west, "2024-07-15T21:30:00Z")).as("07/15/2024 hour ending 17 interval 3").isEqualByComparingTo("96.40");
    assertThat(read.report().format()).isEqualTo(PriceFormat.ERCOT_REAL_TIME);
    assertThat(read.report().settlementPointType()).contains("HU");
    assertThat(ercot(SUMMER_MIS, "LZ_WEST").report().settlementPointType()).contains("LZ");
  }

  @Test
  void realTime_springForward_hasNoHourEnding3_andNoGapInUtc() {
    PriceImport read = ercot(SPRING_FORWARD, "HB_WEST");
    PowerPrices west = read.orThrow();
    assertThat(priceAt(west, "2024-03-10T07:45:00Z")).as("hour ending 2 interval 4, 01:45 CST").isEqualByComparingTo("7.44");
    assertThat(priceAt(west, "2024-03-10T08:00:00Z")).as("hour ending 4 interval 1, 03:00 CDT").isEqualByComparingTo("6.90");
    assertThat(read.report().gaps()).isEmpty();
    assertThat(read.report().span()).isEqualTo(new TimeRange(utc("2024-03-10T06:00:00Z"), utc("2024-03-10T10:00:00Z")));
    assertThat(read.report().dstNotes()).containsExactly(
        new DstNote.SkippedHour(LocalDate.parse("2024-03-10"), 3, utc("2024-03-10T08:00:00Z")));
  }

  @Test
  void report_ofTheFallBackFile_namesDuplicatesOutOfOrderRowsNegativePricesTheGapAndTheRepeatedHour() {
    PriceFileReport report = ercot(FALL_BACK, "HB_WEST").report();
    assertThat(report.file()).isEqualTo("prices/" + FALL_BACK);
    assertThat(report.settlementPoint()).contains("HB_WEST");
    assertThat(report.intervalsRead()).isEqualTo(18);
    assertThat(report.intervalLength()).isEqualTo(Duration.ofMinutes(15));
    assertThat(report.span()).isEqualTo(new TimeRange(utc("2024-11-03T05:00:00Z"), utc("2024-11-03T10:00:00Z")));
    assertThat(report.duplicatesDropped()).containsExactly(
        new DroppedDuplicate(utc("2024-11-03T07:15:00Z"), new BigDecimal("-12.50"), 21, 40));
    assertThat(report.outOfOrderLines()).containsExactly(11);
    assertThat(report.negativeIntervals()).isEqualTo(8);
    assertThat(report.minimumPrice()).isEqualByComparingTo("-12.50");
    assertThat(report.maximumPrice()).isEqualByComparingTo("9.15");
    assertThat(report.gaps()).containsExactly(new TimeRange(utc("2024-11-03T09:15:00Z"), utc("2024-11-03T09:45:00Z")));
    assertThat(report.dstNotes()).containsExactly(new DstNote.RepeatedHour(
        LocalDate.parse("2024-11-03"), 2, 4, 4, utc("2024-11-03T06:00:00Z"), utc("2024-11-03T07:00:00Z")));
    assertThat(report.findings()).containsExactly(
        "prices/ercot-rtm-hubs-2024-11-03.csv: ERCOT real-time settlement point prices (NP6-905-CD) for HB_WEST (HU)",
        "18 intervals of 15 min from 2024-11-03T05:00:00Z to 2024-11-03T10:00:00Z, -12.50 to 9.15 $/MWh",
        "gap: no price from 2024-11-03T09:15:00Z to 2024-11-03T09:45:00Z (30 min)",
        "duplicate: line 40 repeats line 21 (2024-11-03T07:15:00Z, -12.50 $/MWh); dropped",
        "1 row out of time order (line 11); accepted and sorted",
        "8 negative-price intervals, lowest -12.50 $/MWh",
        "clock change: 2024-11-03: hour ending 2 happens twice as clocks fall back; 4 rows flagged N read as daylight time"
            + " (from 2024-11-03T06:00:00Z), 4 rows flagged Y as standard time (from 2024-11-03T07:00:00Z)");
  }

  @Test
  void settlementPoint_picksThatPointsRowsOnly_inAnyCase() {
    PriceImport read = ercot(FALL_BACK, "hb_north");
    assertThat(read.report().settlementPoint()).contains("HB_NORTH");
    assertThat(read.report().intervalsRead()).isEqualTo(20);
    assertThat(read.report().negativeIntervals()).isZero();
    assertThat(read.report().gaps()).isEmpty();
    assertThat(read.report().duplicatesDropped()).isEmpty();
    assertThat(priceAt(read.orThrow(), "2024-11-03T07:00:00Z")).isEqualByComparingTo("18.32");
  }

  @Test
  void settlementPoint_leftOutOfAFileWithSeveral_isAnErrorListingThem() {
    PriceImport read = ercot(FALL_BACK, null);
    assertThat(read.isOk()).isFalse();
    assertThat(errors(read)).containsExactly(
        "prices/ercot-rtm-hubs-2024-11-03.csv:1: 2 settlement points in the file; pick one with --settlement-point: HB_NORTH, HB_WEST");
  }

  @Test
  void settlementPoint_leftOutOfAFileWithOne_isThatOne() {
    String text = RTM_HEADER + "07/15/2024,17,3,N,HB_WEST,HU,96.40\n07/15/2024,17,4,N,HB_WEST,HU,57.33\n";
    PriceImport read = ErcotSppCsv.parse("west.csv", text, null);
    assertThat(read.report().settlementPoint()).contains("HB_WEST");
    assertThat(read.orThrow().intervals()).hasSize(2);
  }

  @Test
  void settlementPoint_notInTheFile_isAnErrorListingThoseThatAre() {
    assertThat(errors(ercot(SPRING_FORWARD, "HB_WST"))).containsExactly(
        "prices/ercot-rtm-hubs-2024-03-10.csv:1: no settlement point 'HB_WST' in the file; it has HB_HOUSTON, HB_WEST");
  }

  @Test
  void settlementPoint_listing_putsHubsAndLoadZonesBeforeResourceNodesAndStopsAfterTwenty() {
    String rows = IntStream.rangeClosed(1, 25)
        .mapToObj(i -> "07/15/2024,17,1,N," + String.format("AMISTAD_UNIT%02d", i) + ",RN,30\n").collect(Collectors.joining());
    String text = RTM_HEADER + rows + "07/15/2024,17,1,N,LZ_WEST,LZ,31\n07/15/2024,17,1,N,HB_WEST,HU,30.5\n";
    assertThat(errors(ErcotSppCsv.parse("nodes.csv", text, null))).singleElement().asString()
        .startsWith("nodes.csv:1: 27 settlement points in the file; pick one with --settlement-point: HB_WEST, LZ_WEST, AMISTAD_UNIT01,")
        .endsWith("AMISTAD_UNIT18 and 7 more");
  }

  @Test
  void dayAhead_readsHourlyPricesWithHourEnding2TwiceOnTheFallBackDay() {
    PriceImport read = ercot(DAY_AHEAD, "HB_WEST");
    PowerPrices west = read.orThrow();
    assertThat(west.intervals()).hasSize(25).allSatisfy(i -> assertThat(i.length()).isEqualTo(Duration.ofHours(1)));
    assertThat(priceAt(west, "2024-11-03T05:00:00Z")).as("01:00, hour ending 1 CDT").isEqualByComparingTo("9.80");
    assertThat(priceAt(west, "2024-11-03T06:00:00Z")).as("02:00 flag N").isEqualByComparingTo("6.45");
    assertThat(priceAt(west, "2024-11-03T07:00:00Z")).as("02:00 flag Y").isEqualByComparingTo("3.20");
    assertThat(priceAt(west, "2024-11-04T05:00:00Z")).as("24:00, 23:00 CST").isEqualByComparingTo("8.90");
    PriceFileReport report = read.report();
    assertThat(report.format()).isEqualTo(PriceFormat.ERCOT_DAY_AHEAD);
    assertThat(report.settlementPointType()).isEmpty();
    assertThat(report.span()).isEqualTo(new TimeRange(utc("2024-11-03T05:00:00Z"), utc("2024-11-04T06:00:00Z")));
    assertThat(report.negativeIntervals()).isEqualTo(2);
    assertThat(report.minimumPrice()).isEqualByComparingTo("-2.10");
    assertThat(report.dstNotes()).singleElement().isInstanceOf(DstNote.RepeatedHour.class);
  }

  @Test
  void badRows_areEachReportedWithFileAndLine_andNothingIsImported() {
    PriceImport read = ErcotSppCsv.parse("rtm.csv", RTM_HEADER + """
        07/15/2024,17,1,N,HB_WEST,HU,38.12
        13/15/2024,17,2,N,HB_WEST,HU,41.75
        07/15/2024,25,3,N,HB_WEST,HU,96.40
        07/15/2024,17,5,N,HB_WEST,HU,57.33
        07/15/2024,18,1,X,HB_WEST,HU,44.10
        07/15/2024,18,2,N,HB_WEST,HU,"1,044.10"
        07/15/2024,18,3,Y,HB_WEST,HU,40.02
        03/10/2024,3,1,N,HB_WEST,HU,12.00
        07/15/2024,17,1,N,HB_WEST,HU,38.20
        07/15/2024,x,4,N,HB_NORTH,HU,39.00
        """, "HB_WEST");
    assertThat(read.isOk()).isFalse();
    assertThat(read.result().rows()).isEmpty();
    assertThat(errors(read)).containsExactly(
        "rtm.csv:3: bad date '13/15/2024' in Delivery Date (expected MM/DD/YYYY)",
        "rtm.csv:4: hour 25 out of range in Delivery Hour (expected 1 to 24)",
        "rtm.csv:5: interval 5 out of range in Delivery Interval (expected 1 to 4)",
        "rtm.csv:6: unknown repeated hour flag 'X' in Repeated Hour Flag (expected N or Y)",
        "rtm.csv:7: bad price '1,044.10' in Settlement Point Price",
        "rtm.csv:8: repeated hour flag Y, but hour ending 18 on 2024-07-15 happens only once; only the hour clocks fall back across repeats",
        "rtm.csv:9: hour ending 3 does not exist on 2024-03-10: clocks spring forward from 02:00 to 03:00",
        "rtm.csv:10: conflicting prices for the interval starting 2024-07-15T21:00:00Z: 38.20 here, 38.12 on line 2",
        "rtm.csv:11: bad hour 'x' in Delivery Hour (expected 1 to 24)");
    assertThatThrownBy(read::orThrow).isInstanceOf(ImportException.class)
        .hasMessageStartingWith("9 errors, nothing imported:\n  rtm.csv:3: bad date");
    assertThatThrownBy(read::report).isInstanceOf(ImportException.class);
  }

  @Test
  void dayAhead_hourEndingMustBeAWholeHourFrom1To24() {
    PriceImport read = ErcotSppCsv.parse("dam.csv", """
        Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point,Settlement Point Price
        07/15/2024,17:00,N,HB_WEST,40.10
        07/15/2024,17:30,N,HB_WEST,40.10
        07/15/2024,25:00,N,HB_WEST,40.10
        07/15/2024,,N,,40.10
        """, "HB_WEST");
    assertThat(errors(read)).containsExactly(
        "dam.csv:3: bad hour ending '17:30' in Hour Ending (expected 01:00 to 24:00)",
        "dam.csv:4: hour ending 25:00 out of range in Hour Ending (expected 01:00 to 24:00)",
        "dam.csv:5: bad hour ending '' in Hour Ending (expected 01:00 to 24:00)",
        "dam.csv:5: empty settlement point in Settlement Point");
  }

  @Test
  void header_thatIsNeitherReport_isRefusedSayingWhatWasExpected() {
    assertThat(errors(ErcotSppCsv.parse("lmp.csv", "Delivery Date,Hour Ending,Bus Name,LMP\n07/15/2024,17:00,X,40\n", null)))
        .containsExactly("lmp.csv:1: header has no column 'Repeated Hour Flag' (found: delivery date,hour ending,bus name,lmp)",
            "lmp.csv:1: header has no column 'Settlement Point' (found: delivery date,hour ending,bus name,lmp)",
            "lmp.csv:1: header has no column 'Settlement Point Price' (found: delivery date,hour ending,bus name,lmp)");
    assertThat(errors(ErcotSppCsv.parse("prices.csv", "interval_start,price_usd_per_mwh\n", null))).singleElement().asString()
        .startsWith("prices.csv:1: not an ERCOT settlement point price report; expected a header with Delivery Date,Delivery Hour,");
    assertThat(errors(ErcotSppCsv.parse("empty.csv", "\n", null))).singleElement().asString().startsWith("empty.csv:1: empty file;");
  }

  @Test
  void read_namesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rtm.csv");
    Files.writeString(file, RTM_HEADER + "07/15/2024,17,1,N,HB_WEST,HU,abc\n");
    assertThat(errors(ErcotSppCsv.read(file, "HB_WEST"))).containsExactly(file + ":2: bad price 'abc' in Settlement Point Price");
  }
}
