package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Power;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Queries over the 50,000-sample {@link FleetDataset} before any rollup: everything comes from raw samples. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleQueriesTest {
  static final Instant END = T0.plus(Duration.ofMinutes(FleetDataset.MINUTES));
  private FleetStore store;

  @BeforeAll
  void load() {
    store = FleetStore.inMemory();
    FleetDataset.load(store);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void everySampleIsStoredAndEachMinerHasOneLatestRow() {
    assertThat(store.rowCounts()).containsEntry("samples", 50_000L).containsEntry("latest", 250L);
  }

  @Test
  void fleetSeriesPerMinute_countsOfflineMinersAsZero() {
    List<SeriesPoint> points = store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofMinutes(1));

    assertThat(points).hasSize(200);
    assertThat(points.get(0).start()).isEqualTo(T0);
    assertThat(points.get(199).start()).isEqualTo(T0.plus(Duration.ofMinutes(199)));
    assertThat(points).allSatisfy(p -> assertThat(p).isEqualTo(
        new SeriesPoint(p.start(), new Hashrate(22_500_000_000L), Power.ofWatts(675_000), 225)));
  }

  @Test
  void hourlyBucketsOverADay_averageTheMinutes() {
    List<SeriesPoint> points = store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofHours(1));

    assertThat(points).extracting(SeriesPoint::start)
        .containsExactly(T0, T0.plusSeconds(3600), T0.plusSeconds(7200), T0.plusSeconds(10800));
    assertThat(points).allSatisfy(p -> assertThat(p).isEqualTo(
        new SeriesPoint(p.start(), new Hashrate(22_500_000_000L), Power.ofWatts(675_000), 225)));
  }

  @Test
  void hourlyBucketsOverMonths_sumEachMinersHourlyAverage() {
    List<SeriesPoint> points = store.hashrateSeries(Scope.fleet(), T0, T0.plus(Duration.ofDays(40)), Duration.ofHours(1));

    // Every miner answered at some point in each hour, so all 250 count as reporting that hour.
    assertThat(points).hasSize(4).allSatisfy(p -> assertThat(p).isEqualTo(
        new SeriesPoint(p.start(), new Hashrate(22_500_000_000L), Power.ofWatts(675_000), 250)));
  }

  @Test
  void siteAndModelSeries_coverOnlyTheirMiners() {
    assertThat(store.hashrateSeries(Scope.site("a"), T0, END, Duration.ofMinutes(10)))
        .hasSize(20).allSatisfy(p -> assertThat(p.hashrate()).isEqualTo(new Hashrate(13_500_000_000L)))
        .allSatisfy(p -> assertThat(p.minersReporting()).isEqualTo(135));
    assertThat(store.hashrateSeries(Scope.model("s21"), T0, END, Duration.ofMinutes(5)))
        .hasSize(40).allSatisfy(p -> assertThat(p.hashrate()).isEqualTo(new Hashrate(4_500_000_000L)))
        .allSatisfy(p -> assertThat(p.power()).isEqualTo(Power.ofWatts(135_000)));
  }

  @Test
  void minerSeries_averagesTheMissedPollIntoItsBucket() {
    // Miner 1 misses minutes 9, 19, 29…: the second 5-minute bucket of every ten has one gap in five.
    List<SeriesPoint> points = store.hashrateSeries(Scope.miner(Fixtures.address(1)), T0, T0.plus(Duration.ofMinutes(20)), Duration.ofMinutes(5));

    assertThat(points).extracting(p -> p.hashrate().mhs()).containsExactly(100_000_000L, 80_000_000L, 100_000_000L, 80_000_000L);
    assertThat(points).extracting(p -> p.power().watts()).containsExactly(3_000L, 2_400L, 3_000L, 2_400L);
    assertThat(points).extracting(SeriesPoint::minersReporting).containsOnly(1);
  }

  @Test
  void bucketsNoRollupDivides_comeFromRawSamples() {
    List<SeriesPoint> points = store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofSeconds(30));

    // Polls happen at :10 each minute, so only the first half-minute of each minute has data.
    assertThat(points).hasSize(200).allSatisfy(p -> assertThat(p.minersReporting()).isEqualTo(225));
  }

  @Test
  void uptime_isTheShareOfPollsAnswered() {
    assertThat(store.uptimePct(Scope.fleet(), T0, END)).hasValue(90.0);
    assertThat(store.uptimePct(Scope.site("b"), T0.plusSeconds(5), END)).hasValue(90.0);
    assertThat(store.uptimePct(Scope.miner(Fixtures.address(1)), T0, T0.plus(Duration.ofMinutes(10)))).hasValue(90.0);
    assertThat(store.uptimePct(Scope.fleet(), END, END.plusSeconds(3600))).isEmpty();
  }

  @Test
  void minersByState_usesEachMinersLatestSampleAndCountsNeverPolledAsOffline() {
    // Minute 199: miners with i % 10 == 1 are offline (25) plus 5 never polled; i % 7 == 0 answer
    // with high rejects except the 4 of them that are offline.
    assertThat(store.minersByState())
        .containsEntry(HealthState.OFFLINE, 30L)
        .containsEntry(HealthState.HIGH_REJECTS, 32L)
        .containsEntry(HealthState.OK, 193L)
        .containsEntry(HealthState.OVERHEAT, 0L);
  }

  @Test
  void latest_filtersBySiteAndHealthInAddressOrder() {
    List<MinerStatus> rows = store.latest(MinerQuery.all().site("b").health(HealthState.OFFLINE).limit(5));

    assertThat(rows).extracting(r -> r.miner().address().toString())
        .containsExactly("10.0.0.151:4028", "10.0.0.161:4028", "10.0.0.171:4028", "10.0.0.181:4028", "10.0.0.191:4028");
    assertThat(rows.get(0).latest().answered()).isFalse();
    assertThat(rows.get(0).latest().hashrate()).isEqualTo(Hashrate.ZERO);
    assertThat(rows.get(0).latest().power()).isNull();
  }

  @Test
  void latest_carriesTheNewestNumbersAndIdentity() {
    MinerStatus s = store.latest(MinerQuery.all().model("s21").limit(3)).get(2);

    assertThat(s.miner().address()).isEqualTo(Fixtures.address(2));
    assertThat(s.miner().location().site()).isEqualTo("a");
    assertThat(s.latest()).isEqualTo(new LatestReading(FleetDataset.pollTime(199), HealthState.OK, null, true,
        new Hashrate(100_000_000L), new Hashrate(100_000_000L), Power.ofWatts(3_000), 71.5, 2, 2, 5400, 5520, 1005L, 10L, 1L, 3L,
        86_400L, "stratum+tcp://pool.example:3333", List.of(5400, 5520, 5460, 5490)));
  }

  @Test
  void neverPolledMiners_areListedWithoutALatestReading() {
    List<MinerStatus> rows = store.latest(MinerQuery.all().site("b").health(HealthState.OFFLINE));

    assertThat(rows).hasSize(15);
    assertThat(rows.get(14).miner().address()).isEqualTo(Fixtures.address(254));
    assertThat(rows.get(14).latest()).isNull();
    assertThat(rows.get(14).health()).isEqualTo(HealthState.OFFLINE);
  }
}
