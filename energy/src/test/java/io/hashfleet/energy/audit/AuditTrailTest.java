package io.hashfleet.energy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.energy.audit.EnergyAction.Command;
import io.hashfleet.energy.audit.EnergyAction.Outcome;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
  static final Instant T0 = Instant.parse("2025-08-20T21:00:00Z");

  @Test
  void theTrailSurvivesARestartAndTellsWhatEachMinerWasLastTold(@TempDir Path dir) {
    Path file = dir.resolve("s.duckdb");
    try (FleetStore store = FleetStore.open(file)) {
      AuditTrail trail = new AuditTrail(store);
      trail.open(new EnergyEvent("ers-7", EnergyEvent.Kind.DEMAND_RESPONSE, "odessa", 2_000_000L, T0, T0.plusSeconds(600), T0.plusSeconds(2400),
          9_000_000L, "api:operator", null));
      trail.append(List.of(
          new EnergyAction(T0.plusSeconds(1), "ers-7", "odessa", "10.2.0.1:4028", Command.SLEEP, 3010, 1, Outcome.FAILED, "timed out", null),
          new EnergyAction(T0.plusSeconds(3), "ers-7", "odessa", "10.2.0.1:4028", Command.SLEEP, 3010, 2, Outcome.ACCEPTED, "curtail sleep", null),
          new EnergyAction(T0.plusSeconds(2), "ers-7", "odessa", "10.2.0.2:4028", Command.SLEEP, 3010, 1, Outcome.REFUSED, "access denied", null),
          new EnergyAction(T0.plusSeconds(70), "ers-7", "odessa", "10.2.0.1:4028", Command.SLEEP, 3010, 2, Outcome.CONFIRMED, "power fell", 15L)));
    }
    try (FleetStore store = FleetStore.open(file)) {
      AuditTrail trail = new AuditTrail(store);
      assertThat(trail.events(true)).singleElement().satisfies(e -> {
        assertThat(e.shedWatts()).isEqualTo(2_000_000L);
        assertThat(e.endedBy(T0.plusSeconds(2400))).isTrue();
      });
      var last = trail.lastAcceptedByMiner();
      assertThat(last).containsOnlyKeys("10.2.0.1:4028"); // the refused one was never told anything it took
      assertThat(last.get("10.2.0.1:4028").outcome()).isEqualTo(Outcome.CONFIRMED);
      assertThat(last.get("10.2.0.1:4028").measuredWatts()).isEqualTo(15L);
      assertThat(trail.actions("ers-7")).extracting(EnergyAction::outcome)
          .containsExactly(Outcome.FAILED, Outcome.ACCEPTED, Outcome.REFUSED, Outcome.CONFIRMED);
      trail.close("ers-7", T0.plusSeconds(2500));
      assertThat(trail.events(true)).isEmpty();
    }
  }

  @Test
  void aFleetWideCallIsWrittenInOneGoInOrderAndTheNextAppendFollowsIt() {
    try (FleetStore store = FleetStore.inMemory()) {
      AuditTrail trail = new AuditTrail(store);
      List<EnergyAction> call = new java.util.ArrayList<>();
      for (int i = 0; i < 40_000; i++) {
        call.add(new EnergyAction(T0.plusMillis(i), "ers-9", "rockdale", "10.9." + (i / 250) + "." + (i % 250) + ":4028", Command.SLEEP, 3_010,
            1, i % 1000 == 7 ? Outcome.FAILED : Outcome.ACCEPTED, i % 1000 == 7 ? "timed out" : null, null));
      }
      long t0 = System.nanoTime();
      trail.append(call);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // Row-by-row this took about 27 s; the call's deadline is minutes, the whole shed 10 s.
      assertThat(ms).as("40,000 actions appended (ms)").isLessThan(5_000);
      trail.append(List.of(new EnergyAction(T0.plusSeconds(90), "ers-9", "rockdale", "10.9.0.7:4028", Command.SLEEP, 3_010, 2, Outcome.ACCEPTED,
          "curtail sleep", null)));
      List<EnergyAction> back = trail.actions("ers-9");
      assertThat(back).hasSize(40_001);
      assertThat(back.subList(0, 40_000)).isEqualTo(call);
      assertThat(back.get(40_000).attempt()).isEqualTo(2);
      // 40 failed first attempts were never accepted; one of them was on its second attempt.
      assertThat(trail.lastAcceptedByMiner()).hasSize(40_000 - 40 + 1).containsKey("10.9.0.7:4028");
      assertThat(trail.lastAcceptedByMiner().get("10.9.0.7:4028").attempt()).isEqualTo(2);
    }
  }

  @Test
  void aSummaryCountsPlannedAcceptedAndConfirmedMegawattsPerSiteOverTime() {
    EnergyEvent e = new EnergyEvent("ers-8", EnergyEvent.Kind.DEMAND_RESPONSE, "odessa", 6_000L, T0, T0.plusSeconds(600), T0.plusSeconds(1200), 9_000L,
        "api", null);
    var actions = List.of(
        new EnergyAction(T0.plusSeconds(1), "ers-8", "odessa", "a", Command.SLEEP, 3_000_000, 1, Outcome.ACCEPTED, "ok", null),
        new EnergyAction(T0.plusSeconds(1), "ers-8", "odessa", "b", Command.SLEEP, 3_000_000, 1, Outcome.REFUSED, "denied", null),
        new EnergyAction(T0.plusSeconds(2), "ers-8", "odessa", "c", Command.SLEEP, 3_000_000, 1, Outcome.ACCEPTED, "ok", null),
        new EnergyAction(T0.plusSeconds(65), "ers-8", "odessa", "a", Command.SLEEP, 3_000_000, 1, Outcome.CONFIRMED, "ok", 15L),
        new EnergyAction(T0.plusSeconds(1300), "ers-8", "odessa", "a", Command.WAKE, 3_000_000, 1, Outcome.ACCEPTED, "ok", null));
    EventSummary s = EventSummary.of(e, actions);
    assertThat(s.plannedMw()).isEqualTo(9.0);
    assertThat(s.acceptedMw()).isEqualTo(6.0);
    assertThat(s.confirmedMw()).isEqualTo(3.0);
    assertThat(s.refused()).isEqualTo(1);
    assertThat(s.callToConfirmed()).isEqualTo(java.time.Duration.ofSeconds(65));
    assertThat(s.timeline()).extracting(EventSummary.TimelinePoint::asleepMw).containsExactly(6.0, 6.0, 3.0);
  }
}
