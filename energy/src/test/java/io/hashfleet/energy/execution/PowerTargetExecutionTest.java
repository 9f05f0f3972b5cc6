package io.hashfleet.energy.execution;

import static io.hashfleet.energy.execution.ExecutionTest.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.energy.audit.EventSummary;
import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.DispatchInputs;
import io.hashfleet.energy.dispatch.DispatchPlanner;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.dispatch.PartialPower;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.LatestReading;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Power targets carried out, confirmed from telemetry, and undone after the event, with a fake sender. */
class PowerTargetExecutionTest {
  static final Instant T0 = Instant.parse("2025-08-20T21:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  final FleetStore store = FleetStore.inMemory();
  final AuditTrail trail = new AuditTrail(store);

  @AfterEach
  void close() {
    store.close();
  }

  /** Site "odessa": three S19j Pro (29.5 J/TH, 3,068 W) on stock firmware, three S19 XP (21.5 J/TH, 3,010 W) on Braiins OS. */
  static FleetState fleet() {
    String[] ids = {"10.0.0.1:4028", "10.0.0.2:4028", "10.0.0.3:4028", "10.0.0.4:4028", "10.0.0.5:4028", "10.0.0.6:4028"};
    int min = PartialPower.minWatts(3010); // 1,806 W
    return new FleetState(ids, new int[6], List.of("odessa"), new float[] {29.5f, 29.5f, 29.5f, 21.5f, 21.5f, 21.5f},
        new int[] {3068, 3068, 3068, 3010, 3010, 3010}, new boolean[] {true, true, true, true, true, true},
        new boolean[] {true, true, true, true, true, true}, new long[6], new int[] {0, 0, 0, min, min, min}, new int[6]);
  }

  /** Shed 4 kW at odessa: one S19j Pro sleeps, and an S19 XP absorbs the rest with a target. */
  static CurtailmentPlan shedFourKilowatts(FleetState f) {
    long baseline = f.loadBySite()[0];
    var event = new DemandResponseEvent("ers-1", "odessa", 4_000, T0, Duration.ofMinutes(30), baseline);
    return DispatchPlanner.plan(f, new DispatchInputs(T0, BigDecimal.ZERO, new BigDecimal("50"), BigDecimal.ZERO, new long[] {Long.MAX_VALUE},
        new long[] {0}, Duration.ZERO, Duration.ZERO, List.of(event), false));
  }

  @Test
  void aPlanWithTargetsSendsThemAfterSleepsAndTheTrailKeepsTargetAndWattsShed() throws Exception {
    FleetState f = fleet();
    CurtailmentPlan plan = shedFourKilowatts(f);
    // equal J/TH: the higher index goes first
    assertThat(plan.sleep()).containsExactly(2);
    assertThat(plan.target()).containsExactly(5);
    assertThat(plan.targetWatts()).containsExactly(3010 - (4_000 - 3068)); // 2,078 W: the site lands on its cap
    List<CommandSender.Order> sent = new ArrayList<>();
    CommandSender obeys = orders -> {
      sent.addAll(orders);
      return orders.stream().map(o -> new CommandSender.Result(o, CommandSender.Outcome.ACCEPTED, "ok")).toList();
    };
    ExecutionReport r = new PlanExecutor(obeys, trail, CLOCK, 3, Duration.ofMillis(1)).execute(plan, f, "ers-1");
    assertThat(sent).extracting(o -> o.kind() + " " + o.address() + " " + o.targetWatts())
        .containsExactly("SLEEP 10.0.0.3:4028 0", "POWER_TARGET 10.0.0.6:4028 2078");
    assertThat(r.plannedSleepWatts()[0]).isEqualTo(4_000);
    assertThat(r.acceptedSleepWatts()[0]).isEqualTo(4_000);
    EnergyAction row = trail.actions("ers-1").getLast();
    assertThat(row.command()).isEqualTo(EnergyAction.Command.POWER_TARGET);
    assertThat(row.targetWatts()).isEqualTo(2078L);
    assertThat(row.plannedWatts()).isEqualTo(932); // what the target removes from the 3,010 W nominal
  }

  @Test
  void aRefusedTargetIsNotRetriedAndTheMachineThenOnlySleeps() throws Exception {
    FleetState f = fleet();
    CommandSender noTargets = orders -> orders.stream().map(o -> o.kind() == CommandSender.Kind.POWER_TARGET
        ? new CommandSender.Result(o, CommandSender.Outcome.REFUSED, "power target not supported")
        : new CommandSender.Result(o, CommandSender.Outcome.ACCEPTED, "ok")).toList();
    ExecutionReport r = new PlanExecutor(noTargets, trail, CLOCK, 3, Duration.ofMillis(1)).execute(shedFourKilowatts(f), f, "ers-1");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.refused()).isEmpty(); // it can still be slept: not a refusal of the machine
    assertThat(r.refusedTargets()).containsExactly("10.0.0.6:4028: power target not supported");
    assertThat(r.acceptedSleepWatts()[0]).isEqualTo(3068);
    assertThat(trail.actions("ers-1")).extracting(a -> a.command() + " " + a.outcome()).contains("POWER_TARGET REFUSED");
    // Planned again as firmware without targets (what the controller does), the shed is met by sleeps.
    FleetState asStock = new FleetState(ids(f), new int[6], List.of("odessa"), new float[] {29.5f, 29.5f, 29.5f, 21.5f, 21.5f, 21.5f},
        new int[] {3068, 3068, 3068, 3010, 3010, 3010}, new boolean[] {true, true, true, true, true, true},
        new boolean[] {true, true, true, true, true, true}, new long[6], new int[6], new int[6]);
    CurtailmentPlan again = shedFourKilowatts(asStock);
    assertThat(again.target()).isEmpty();
    assertThat(again.sleep()).containsExactly(2, 1);
  }

  @Test
  void aTargetIsConfirmedWhenAPollAfterItShowsHashingAtOrUnderTheTargetPlusTolerance() {
    trail.append(List.of(target("10.0.0.4:4028", 2078, 932), target("10.0.0.5:4028", 2078, 932)));
    Map<String, LatestReading> latest = new java.util.HashMap<>();
    latest.put("10.0.0.4:4028", reading(T0.plusSeconds(60), 100_000_000, 2150)); // within 5% + 50 W of 2,078
    latest.put("10.0.0.5:4028", reading(T0.plusSeconds(60), 140_000_000, 3010)); // the firmware has not acted yet
    Confirmation.Result first = Confirmation.check(trail, latest::get, T0.plusSeconds(61), Duration.ofMinutes(5));
    assertThat(first.confirmed()).isEqualTo(1);
    assertThat(first.confirmedTargetWatts()).isEqualTo(932);
    assertThat(first.pending()).isEqualTo(1);
    assertThat(trail.actions("ers-1")).filteredOn(a -> a.outcome() == EnergyAction.Outcome.CONFIRMED).singleElement()
        .satisfies(a -> {
          assertThat(a.address()).isEqualTo("10.0.0.4:4028");
          assertThat(a.measuredWatts()).isEqualTo(2150L);
          assertThat(a.targetWatts()).isEqualTo(2078L);
        });
    latest.put("10.0.0.5:4028", reading(T0.plusSeconds(400), 140_000_000, 2300)); // 2,300 W > 2,078 + 153
    assertThat(Confirmation.check(trail, latest::get, T0.plusSeconds(401), Duration.ofMinutes(5)).unconfirmed()).isEqualTo(1);
  }

  @Test
  void aReturnToNominalIsConfirmedOnlyWhenTheDrawHasComeBackUp() {
    trail.append(List.of(restore("10.0.0.4:4028", T0), restore("10.0.0.5:4028", T0)));
    Map<String, LatestReading> latest = new java.util.HashMap<>();
    latest.put("10.0.0.4:4028", reading(T0.plusSeconds(60), 140_000_000, 2990)); // back near 3,010 W
    latest.put("10.0.0.5:4028", reading(T0.plusSeconds(60), 100_000_000, 2080)); // still at its old target
    Confirmation.Result r = Confirmation.check(trail, latest::get, T0.plusSeconds(61), Duration.ofMinutes(5));
    assertThat(r.confirmed()).isEqualTo(1);
    assertThat(r.pending()).isEqualTo(1);
    assertThat(trail.actions("ers-1").getLast().detail()).isEqualTo("hashing at 2990 W, back at nominal 3010 W");
  }

  @Test
  void withoutAPowerReadingATargetIsConfirmedFromHashrateFallingInProportionAndTheTrailSaysSo() {
    // 1,806 W of 3,010 (60%): the curve expects 0.6^0.8 = 66.5% of 141 TH/s = 93.8 TH/s
    trail.append(List.of(target("10.0.0.4:4028", 1806, 1204), target("10.0.0.5:4028", 1806, 1204)));
    LatestReading turnedDown = noPower(T0.plusSeconds(60), 95_000_000);
    LatestReading stillFull = noPower(T0.plusSeconds(60), 140_000_000);
    Confirmation.Result r = Confirmation.check(trail, Map.of("10.0.0.4:4028", turnedDown, "10.0.0.5:4028", stillFull)::get, T0.plusSeconds(61),
        Duration.ofMinutes(5), address -> 141.0);
    assertThat(r.confirmed()).isEqualTo(1);
    assertThat(r.pending()).isEqualTo(1);
    EnergyAction verdict = trail.actions("ers-1").getLast();
    assertThat(verdict.address()).isEqualTo("10.0.0.4:4028");
    assertThat(verdict.detail()).contains("this firmware reports no power");
    assertThat(verdict.measuredWatts()).isNull();
  }

  @Test
  void afterTheEventEndsTurnedDownMinersReturnToNominalAndTheEventClosesOnlyThen() {
    trail.open(new EnergyEvent("ers-1", EnergyEvent.Kind.DEMAND_RESPONSE, "odessa", 4000L, T0, T0, T0.plusSeconds(1800), 18_222L, "api", null));
    trail.append(List.of(target("10.0.0.4:4028", 2078, 932), target("10.0.0.5:4028", 1806, 1204),
        new EnergyAction(T0.plusSeconds(1), "ers-1", "odessa", "10.0.0.5:4028", EnergyAction.Command.SLEEP, 1806, 1, EnergyAction.Outcome.ACCEPTED,
            "ok", null)));
    assertThat(Resume.minersToRestore(trail, T0.plusSeconds(1000))).isEmpty(); // still in force
    // .5 is asleep: it is woken first, and returned to nominal once awake
    assertThat(Resume.minersToRestore(trail, T0.plusSeconds(1800))).containsExactly("10.0.0.4:4028");
    assertThat(Resume.minersToWake(trail, T0.plusSeconds(1800))).containsExactly("10.0.0.5:4028");
    trail.append(List.of(new EnergyAction(T0.plusSeconds(1801), "ers-1", "odessa", "10.0.0.5:4028", EnergyAction.Command.WAKE, 1806, 1,
        EnergyAction.Outcome.ACCEPTED, "ok", null), restore("10.0.0.4:4028", T0.plusSeconds(1801))));
    assertThat(Resume.minersToRestore(trail, T0.plusSeconds(1802))).containsExactly("10.0.0.5:4028");
    assertThat(Resume.closeFinished(trail, T0.plusSeconds(1802))).isEmpty(); // .5 still turned down
    trail.append(List.of(restore("10.0.0.5:4028", T0.plusSeconds(1803))));
    assertThat(Resume.minersToRestore(trail, T0.plusSeconds(1804))).isEmpty();
    assertThat(Resume.closeFinished(trail, T0.plusSeconds(1804))).containsExactly("ers-1");
  }

  @Test
  void theEventSummaryCountsAMinerTurnedDownTwiceOnce() {
    EnergyEvent e = new EnergyEvent("ers-1", EnergyEvent.Kind.DEMAND_RESPONSE, "odessa", 1204L, T0, T0, T0.plusSeconds(1800), 18_222L, "api", null);
    List<EnergyAction> actions = List.of(target("10.0.0.4:4028", 2078, 932),
        new EnergyAction(T0.plusSeconds(120), "ers-1", "odessa", "10.0.0.4:4028", EnergyAction.Command.POWER_TARGET, 1204, 1,
            EnergyAction.Outcome.ACCEPTED, "ok", null, 1806L),
        restore("10.0.0.4:4028", T0.plusSeconds(1800)));
    EventSummary s = EventSummary.of(e, actions);
    assertThat(s.plannedMw()).isEqualTo(0.001); // 1,204 W, not 932 + 1,204
    assertThat(s.timeline()).extracting(EventSummary.TimelinePoint::asleepMw).containsExactly(0.001, 0.001, 0.0);
  }

  static EnergyAction target(String address, long targetW, long shedW) {
    return new EnergyAction(T0, "ers-1", "odessa", address, EnergyAction.Command.POWER_TARGET, shedW, 1, EnergyAction.Outcome.ACCEPTED, "ok", null,
        targetW);
  }

  static EnergyAction restore(String address, Instant at) {
    return new EnergyAction(at, "ers-1", "odessa", address, EnergyAction.Command.POWER_TARGET, 0, 1, EnergyAction.Outcome.ACCEPTED, "ok", null, 3010L);
  }

  static LatestReading noPower(Instant at, long mhs) {
    return new LatestReading(at, HealthState.OK, null, true, new Hashrate(mhs), new Hashrate(mhs), null, 60.0, 3, 3, 0, 0, 0L, 0L, 0L, 0L, 100L,
        "stratum+tcp://pool:3333", List.of());
  }

  static String[] ids(FleetState f) {
    String[] out = new String[f.size()];
    for (int i = 0; i < f.size(); i++) out[i] = f.id(i);
    return out;
  }
}
