package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.HealthState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestTest {
  private final FleetStore store = FleetStore.inMemory();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLateOlderSample_doesNotReplaceTheNewerOne() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "a")));
    store.appendSamples(List.of(Fixtures.answered(Fixtures.address(1), T0.plusSeconds(60), "s19xp", HealthState.OK)));
    assertThat(store.minersByState()).containsEntry(HealthState.OK, 1L);

    store.appendSamples(List.of(Fixtures.offline(Fixtures.address(1), T0)));

    assertThat(store.minersByState()).containsEntry(HealthState.OK, 1L).containsEntry(HealthState.OFFLINE, 0L);
    assertThat(store.latest(MinerQuery.all()).get(0).latest().at()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void everyAppendIsVisibleToTheNextQuery() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "a"), Fixtures.miner(2, "s19xp", "a")));
    for (int m = 0; m < 5; m++) {
      store.appendSamples(List.of(Fixtures.offline(Fixtures.address(1), T0.plusSeconds(60L * m)),
          Fixtures.answered(Fixtures.address(2), T0.plusSeconds(60L * m), "s19xp", m % 2 == 0 ? HealthState.OK : HealthState.OVERHEAT)));
      assertThat(store.minersByState()).containsEntry(HealthState.OFFLINE, 1L)
          .containsEntry(m % 2 == 0 ? HealthState.OK : HealthState.OVERHEAT, 1L);
    }
    assertThat(store.rowCounts()).containsEntry("latest", 2L).containsEntry("samples", 10L);
  }

  @Test
  void samplesOfRegisteredMiners_carryTheirSiteAndModelEvenWhenOffline() {
    store.upsertMiners(List.of(Fixtures.miner(1, "s21", "tx1")));
    store.appendSamples(List.of(Fixtures.offline(Fixtures.address(1), T0)));
    store.rollUp(T0.plusSeconds(3600));

    assertThat(store.uptimePct(Scope.site("tx1"), T0, T0.plusSeconds(60))).hasValue(0.0);
    assertThat(store.uptimePct(Scope.model("s21"), T0, T0.plusSeconds(60))).hasValue(0.0);
  }
}
