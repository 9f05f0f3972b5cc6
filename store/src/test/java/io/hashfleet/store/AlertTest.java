package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Alert;
import io.hashfleet.domain.HealthState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertTest {
  private final FleetStore store = FleetStore.inMemory();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void openedAlerts_areListedNewestFirstUntilClosed() {
    store.openAlert(new Alert(Fixtures.address(1), HealthState.OVERHEAT, T0, null, "board 2 at 95 C"));
    store.openAlert(new Alert(Fixtures.address(2), HealthState.OFFLINE, T0.plusSeconds(60), null, "connect timed out"));

    assertThat(store.closeAlert(Fixtures.address(1), HealthState.OVERHEAT, T0.plusSeconds(300))).isTrue();

    assertThat(store.alerts(true)).containsExactly(
        new Alert(Fixtures.address(2), HealthState.OFFLINE, T0.plusSeconds(60), null, "connect timed out"));
    assertThat(store.alerts(false)).containsExactly(
        new Alert(Fixtures.address(2), HealthState.OFFLINE, T0.plusSeconds(60), null, "connect timed out"),
        new Alert(Fixtures.address(1), HealthState.OVERHEAT, T0, T0.plusSeconds(300), "board 2 at 95 C"));
  }

  @Test
  void reopeningAStandingAlert_doesNotDuplicateIt() {
    Alert a = new Alert(Fixtures.address(1), HealthState.FAN_FAILURE, T0, null, "fan 3: 0 rpm");

    assertThat(store.openAlert(a)).isTrue();
    assertThat(store.openAlert(new Alert(a.address(), a.kind(), T0.plusSeconds(60), null, "again"))).isFalse();
    assertThat(store.alerts(true)).containsExactly(a);
  }

  @Test
  void closingWhatIsNotOpen_changesNothing() {
    assertThat(store.closeAlert(Fixtures.address(9), HealthState.OVERHEAT, T0)).isFalse();
  }

  @Test
  void afterClosing_theSameKindCanOpenAgain() {
    store.openAlert(new Alert(Fixtures.address(1), HealthState.OVERHEAT, T0, null, "hot"));
    store.closeAlert(Fixtures.address(1), HealthState.OVERHEAT, T0.plusSeconds(60));

    assertThat(store.openAlert(new Alert(Fixtures.address(1), HealthState.OVERHEAT, T0.plusSeconds(120), null, "hot again"))).isTrue();
    assertThat(store.alerts(false)).hasSize(2);
    assertThat(store.alerts(true)).extracting(Alert::detail).containsExactly("hot again");
  }

  @Test
  void subMillisecondInstants_surviveTheRoundTrip() {
    Alert a = new Alert(Fixtures.address(1), HealthState.NO_POOL, T0.plusNanos(123_456_000), null, null);
    store.openAlert(a);

    assertThat(store.alerts(true)).containsExactly(a);
  }
}
