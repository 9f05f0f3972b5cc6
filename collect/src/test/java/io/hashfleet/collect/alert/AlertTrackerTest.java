package io.hashfleet.collect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.health.Problem;
import io.hashfleet.domain.Alert;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTrackerTest {
  private final List<Alert> opened = new ArrayList<>();
  private final List<Alert> closed = new ArrayList<>();
  private final AlertTracker tracker = new AlertTracker(new AlertTracker.Listener() {
    @Override
    public void opened(Alert a) {
      opened.add(a);
    }

    @Override
    public void closed(Alert a) {
      closed.add(a);
    }
  });
  private final MinerAddress m = MinerAddress.of("10.1.0.7");

  @Test
  void an_alert_opens_once_and_closes_with_both_timestamps() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    Problem hot = new Problem(HealthState.OVERHEAT, "temperature 97 °C");
    tracker.update(m, t0, List.of(hot));
    tracker.update(m, t0.plusSeconds(60), List.of(hot));
    assertThat(opened).hasSize(1);
    assertThat(tracker.openCount()).isEqualTo(1);

    tracker.update(m, t0.plusSeconds(120), List.of());
    assertThat(closed).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(HealthState.OVERHEAT);
      assertThat(a.opened()).isEqualTo(t0);
      assertThat(a.closed()).isEqualTo(t0.plusSeconds(120));
    });
    assertThat(tracker.openCount()).isZero();
  }

  @Test
  void different_problems_are_separate_alerts() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    tracker.update(m, t0, List.of(new Problem(HealthState.DEAD_BOARD, "board 2"), new Problem(HealthState.LOW_HASHRATE, "93 TH/s")));
    tracker.update(m, t0.plusSeconds(60), List.of(new Problem(HealthState.DEAD_BOARD, "board 2")));
    assertThat(opened).extracting(Alert::kind).containsExactly(HealthState.DEAD_BOARD, HealthState.LOW_HASHRATE);
    assertThat(closed).extracting(Alert::kind).containsExactly(HealthState.LOW_HASHRATE);
  }

  @Test
  void alerts_restored_from_the_store_are_closed_not_reopened() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    tracker.restore(List.of(new Alert(m, HealthState.OFFLINE, t0, null, "refused")));
    tracker.update(m, t0.plusSeconds(60), List.of(new Problem(HealthState.OFFLINE, "refused")));
    assertThat(opened).isEmpty();
    tracker.update(m, t0.plusSeconds(120), List.of());
    assertThat(closed).singleElement().extracting(Alert::opened).isEqualTo(t0);
  }
}
