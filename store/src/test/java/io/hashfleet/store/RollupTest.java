package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Power;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollups and retention over the 50,000-sample {@link FleetDataset}. */
class RollupTest {
  static final Instant END = T0.plus(Duration.ofMinutes(FleetDataset.MINUTES));
  private FleetStore store;

  @BeforeEach
  void load() {
    store = FleetStore.inMemory();
    FleetDataset.load(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void rollUp_writesEveryCompleteBucketOnce() {
    // 250 miners x 40 five-minute buckets; 200 minutes and 3 complete hours x (fleet + 2 sites + 2 models).
    assertThat(store.rollUp(END)).isEqualTo(10_000 + 1_000 + 15);
    assertThat(store.rollUp(END)).isZero();
    assertThat(store.rowCounts())
        .containsEntry("rollup_miner_5m", 10_000L)
        .containsEntry("rollup_group_1m", 1_000L)
        .containsEntry("rollup_group_1h", 15L);
  }

  @Test
  void rollUp_isIncrementalAcrossCalls() {
    store.rollUp(T0.plus(Duration.ofMinutes(100)).plusSeconds(30));
    store.rollUp(END);

    assertThat(store.rowCounts())
        .containsEntry("rollup_miner_5m", 10_000L)
        .containsEntry("rollup_group_1m", 1_000L)
        .containsEntry("rollup_group_1h", 15L);
  }

  @Test
  void seriesAreTheSameBeforeAndAfterRollingUp() {
    List<List<SeriesPoint>> before = everySeries();
    store.rollUp(END.minus(Duration.ofMinutes(7)));
    assertThat(everySeries()).isEqualTo(before);
    store.rollUp(END);
    assertThat(everySeries()).isEqualTo(before);
  }

  @Test
  void purgeRaw_deletesOnlyWhatTheRollupsCoverAndKeepsTheSeries() {
    assertThat(store.purgeRaw(END)).as("nothing is rolled up yet").isZero();
    List<List<SeriesPoint>> before = everySeries();
    store.rollUp(END);

    // The hourly rollup covers up to 03:00, so samples from 03:00 on are still needed.
    assertThat(store.purgeRaw(END.plus(Duration.ofDays(1)))).isEqualTo(180 * 250);
    assertThat(store.rowCounts()).containsEntry("samples", 20L * 250).containsEntry("rollup_group_1m", 1_000L);
    assertThat(everySeries()).isEqualTo(before);
    assertThat(store.uptimePct(Scope.fleet(), T0, END)).hasValue(90.0);
  }

  @Test
  void fleetMinutesComeFromTheRollupAfterPurge() {
    store.rollUp(END);
    store.purgeRaw(END);

    List<SeriesPoint> points = store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofMinutes(1));
    assertThat(points).hasSize(200).allSatisfy(p -> assertThat(p).isEqualTo(
        new SeriesPoint(p.start(), new Hashrate(22_500_000_000L), Power.ofWatts(675_000), 225)));
    assertThat(store.rowCounts()).extracting(m -> m.get("samples")).isEqualTo(5_000L);
  }

  private List<List<SeriesPoint>> everySeries() {
    return List.of(
        store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofMinutes(1)),
        store.hashrateSeries(Scope.fleet(), T0, END, Duration.ofHours(1)),
        store.hashrateSeries(Scope.fleet(), T0, T0.plus(Duration.ofDays(40)), Duration.ofHours(1)),
        store.hashrateSeries(Scope.site("b"), T0, END, Duration.ofMinutes(15)),
        store.hashrateSeries(Scope.model("s19xp"), T0, END, Duration.ofHours(2)),
        store.hashrateSeries(Scope.miner(Fixtures.address(3)), T0, END, Duration.ofMinutes(5)),
        store.hashrateSeries(Scope.miner(Fixtures.address(3)), T0, END, Duration.ofMinutes(30)));
  }
}
