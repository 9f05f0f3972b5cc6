package io.hashfleet.energy.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Power;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.LatestReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {
  static final Instant T0 = Instant.parse("2025-08-20T21:00:00Z");
  final FleetStore store = FleetStore.inMemory();
  final AuditTrail trail = new AuditTrail(store);

  @AfterEach
  void close() {
    store.close();
  }

  static FleetState fleet() {
    String[] ids = {"10.0.0.1:4028", "10.0.0.2:4028", "10.0.0.3:4028"};
    return new FleetState(ids, new int[3], List.of("odessa"), new float[] {29.5f, 29.5f, 21.5f}, new int[] {3068, 3068, 3010},
        new boolean[] {true, true, true}, new long[3]);
  }

  static CurtailmentPlan sleepFirstTwo() {
    return new CurtailmentPlan(T0, new int[] {0, 1}, new int[0], new long[] {3010}, new long[] {3100}, List.of(), false);
  }

  @Test
  void failedCommandsAreRetriedRefusedOnesAreNotAndEveryAttemptIsInTheTrail() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CommandSender flaky = orders -> {
      int call = calls.incrementAndGet();
      List<CommandSender.Result> out = new ArrayList<>();
      for (var o : orders) {
        if (o.address().equals("10.0.0.2:4028")) out.add(new CommandSender.Result(o, CommandSender.Outcome.REFUSED, "access denied (code 45)"));
        else out.add(new CommandSender.Result(o, call == 1 ? CommandSender.Outcome.FAILED : CommandSender.Outcome.ACCEPTED, call == 1 ? "timed out" : "curtail sleep"));
      }
      return out;
    };
    ExecutionReport r = new PlanExecutor(flaky, trail, Clock.fixed(T0, ZoneOffset.UTC), 3, Duration.ofMillis(1)).execute(sleepFirstTwo(), fleet(), "ers-1");
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.refused()).containsExactly("10.0.0.2:4028: access denied (code 45)");
    assertThat(r.failed()).isEmpty();
    assertThat(r.plannedSleepWatts()[0]).isEqualTo(6136);
    assertThat(r.acceptedSleepWatts()[0]).isEqualTo(3068);
    assertThat(trail.actions("ers-1")).extracting(a -> a.address() + " " + a.attempt() + " " + a.outcome()).containsExactlyInAnyOrder(
        "10.0.0.1:4028 1 FAILED", "10.0.0.2:4028 1 REFUSED", "10.0.0.1:4028 2 ACCEPTED");
  }

  @Test
  void aMinerThatNeverAnswersIsReportedAfterTheLastAttempt() throws Exception {
    CommandSender dead = orders -> orders.stream().map(o -> new CommandSender.Result(o, CommandSender.Outcome.FAILED, "connect timed out")).toList();
    ExecutionReport r = new PlanExecutor(dead, trail, Clock.systemUTC(), 3, Duration.ofMillis(1)).execute(sleepFirstTwo(), fleet(), null);
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.failed()).hasSize(2).allSatisfy(f -> assertThat(f).endsWith("connect timed out"));
    assertThat(trail.actions(null)).hasSize(6);
  }

  @Test
  void telemetryConfirmsASleepOnlyFromAPollAfterTheCommand() {
    trail.append(List.of(new EnergyAction(T0, "ers-1", "odessa", "10.0.0.1:4028", EnergyAction.Command.SLEEP, 3068, 1, EnergyAction.Outcome.ACCEPTED, "ok", null),
        new EnergyAction(T0, "ers-1", "odessa", "10.0.0.2:4028", EnergyAction.Command.SLEEP, 3068, 1, EnergyAction.Outcome.ACCEPTED, "ok", null)));
    Map<String, LatestReading> latest = new HashMap<>();
    latest.put("10.0.0.1:4028", reading(T0.plusSeconds(60), 0, 15));
    latest.put("10.0.0.2:4028", reading(T0.minusSeconds(5), 140_000_000, 3068)); // the poll before the command
    Confirmation.Result first = Confirmation.check(trail, latest::get, T0.plusSeconds(61), Duration.ofMinutes(5));
    assertThat(first.confirmed()).isEqualTo(1);
    assertThat(first.confirmedSleepWatts()).isEqualTo(3068);
    assertThat(first.pending()).isEqualTo(1);
    // the next poll still shows it hashing, five minutes on: unconfirmed, and said so
    latest.put("10.0.0.2:4028", reading(T0.plusSeconds(400), 140_000_000, 3068));
    Confirmation.Result later = Confirmation.check(trail, latest::get, T0.plusSeconds(401), Duration.ofMinutes(5));
    assertThat(later.unconfirmed()).isEqualTo(1);
    assertThat(trail.actions("ers-1").getLast().detail()).isEqualTo("telemetry still shows hashing at 3068 W");
  }

  @Test
  void aSleepOnFirmwareThatReportsNoPowerIsConfirmedFromHashrateAndTheTrailSaysThePowerWasNotSeen() {
    trail.append(List.of(new EnergyAction(T0, "ers-2", "odessa", "10.0.0.3:4028", EnergyAction.Command.SLEEP, 3010, 1, EnergyAction.Outcome.ACCEPTED, "ok", null)));
    LatestReading stockAsleep = new LatestReading(T0.plusSeconds(60), HealthState.LOW_HASHRATE, null, true, new Hashrate(0), new Hashrate(0), null, 40.0,
        3, 3, 0, 0, 0L, 0L, 0L, 0L, 100L, "stratum+tcp://pool:3333", List.of());
    Confirmation.Result r = Confirmation.check(trail, Map.of("10.0.0.3:4028", stockAsleep)::get, T0.plusSeconds(61), Duration.ofMinutes(5));
    assertThat(r.confirmed()).isEqualTo(1);
    EnergyAction verdict = trail.actions("ers-2").getLast();
    assertThat(verdict.outcome()).isEqualTo(EnergyAction.Outcome.CONFIRMED);
    assertThat(verdict.detail()).isEqualTo("no hashrate; this firmware reports no power");
    assertThat(verdict.measuredWatts()).isNull();
  }

  @Test
  void afterTheEventEndsEveryMinerSleptForItIsWokenAndTheEventClosed() {
    trail.open(new EnergyEvent("ers-1", EnergyEvent.Kind.DEMAND_RESPONSE, "odessa", 6000L, T0, T0.plusSeconds(600), T0.plusSeconds(1800), 9000L, "api", null));
    trail.append(List.of(new EnergyAction(T0, "ers-1", "odessa", "10.0.0.1:4028", EnergyAction.Command.SLEEP, 3068, 1, EnergyAction.Outcome.ACCEPTED, "ok", null)));
    assertThat(Resume.minersToWake(trail, T0.plusSeconds(1000))).isEmpty();
    assertThat(Resume.minersToWake(trail, T0.plusSeconds(1800))).containsExactly("10.0.0.1:4028");
    assertThat(Resume.closeFinished(trail, T0.plusSeconds(1800))).isEmpty(); // still one asleep
    trail.append(List.of(new EnergyAction(T0.plusSeconds(1801), "ers-1", "odessa", "10.0.0.1:4028", EnergyAction.Command.WAKE, 3068, 1,
        EnergyAction.Outcome.ACCEPTED, "ok", null)));
    assertThat(Resume.minersToWake(trail, T0.plusSeconds(1802))).isEmpty();
    assertThat(Resume.closeFinished(trail, T0.plusSeconds(1802))).containsExactly("ers-1");
  }

  static LatestReading reading(Instant at, long mhs, long watts) {
    return new LatestReading(at, mhs == 0 ? HealthState.LOW_HASHRATE : HealthState.OK, null, true, new Hashrate(mhs), new Hashrate(mhs),
        Power.ofWatts(watts), 60.0, 3, 3, 0, 0, 0L, 0L, 0L, 0L, 100L, "stratum+tcp://pool:3333", List.of());
  }
}
