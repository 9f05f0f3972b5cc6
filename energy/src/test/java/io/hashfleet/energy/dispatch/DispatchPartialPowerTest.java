package io.hashfleet.energy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Power targets in the dispatch plan: caps met exactly, economics at partial power, minimum times and ramps. */
class DispatchPartialPowerTest {
  static final Instant NOW = Instant.parse("2025-07-15T21:30:00Z");
  static final BigDecimal HASHPRICE = new BigDecimal("50");
  static final long HOUR_AGO = NOW.minusSeconds(3600).getEpochSecond();

  /**
   * Site "west": machines 0–9 S19 XP (21.5 J/TH, 3,010 W), 10–19 S19j Pro (29.5 J/TH, 3,068 W),
   * all running for an hour; {@code takesTargets} says which run firmware that takes a power target.
   */
  static FleetState fleet(boolean[] takesTargets, int[] targetWatts) {
    int n = 20;
    String[] ids = new String[n];
    float[] jth = new float[n];
    int[] watts = new int[n];
    boolean[] running = new boolean[n];
    boolean[] available = new boolean[n];
    long[] changed = new long[n];
    int[] min = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "10.0.0." + i;
      jth[i] = i < 10 ? 21.5f : 29.5f;
      watts[i] = i < 10 ? 3010 : 3068;
      running[i] = true;
      available[i] = true;
      changed[i] = HOUR_AGO;
      min[i] = takesTargets[i] ? PartialPower.minWatts(watts[i]) : 0;
    }
    return new FleetState(ids, new int[n], List.of("west"), jth, watts, running, available, changed, min, targetWatts.clone());
  }

  static boolean[] all(boolean v) {
    boolean[] b = new boolean[20];
    Arrays.fill(b, v);
    return b;
  }

  static DispatchInputs inputs(String price, long limitW, long rampW, Duration minOn, Duration minOff) {
    return new DispatchInputs(NOW, new BigDecimal(price), HASHPRICE, BigDecimal.ZERO, new long[] {limitW}, new long[] {rampW}, minOn, minOff,
        List.of(), false);
  }

  /** TH/s the fleet hashes: nominal TH/s = W ÷ J/TH, times the curve's share at a target. */
  static double terahashes(FleetState f) {
    double th = 0;
    for (int i = 0; i < f.size(); i++) {
      if (!f.running(i)) continue;
      th += f.watts(i) / f.joulesPerTh(i) * PartialPower.hashShare((double) f.runningWatts(i) / f.watts(i));
    }
    return th;
  }

  @Test
  void aCapIsMetExactlyAndLosesLessHashrateThanSleepingWholeMachines() {
    long cap = 60_780 - 5_000; // 5 kW under the fleet's load: a machine and a half
    FleetState partial = fleet(all(true), new int[20]);
    FleetState sleepOnly = fleet(all(false), new int[20]);
    CurtailmentPlan p = DispatchPlanner.plan(partial, inputs("20", cap, 1_000_000, Duration.ofHours(2), Duration.ZERO));
    CurtailmentPlan q = DispatchPlanner.plan(sleepOnly, inputs("20", cap, 1_000_000, Duration.ofHours(2), Duration.ZERO));
    partial.apply(p, NOW);
    sleepOnly.apply(q, NOW);

    assertThat(partial.loadBySite()[0]).isEqualTo(cap).isEqualTo(p.plannedWatts()[0]);
    assertThat(sleepOnly.loadBySite()[0]).isEqualTo(60_780 - 2 * 3068); // two whole S19j Pros: 1,136 W more than asked
    assertThat(terahashes(partial)).isGreaterThan(terahashes(sleepOnly));
    assertThat(p.sleep()).hasSizeLessThan(q.sleep().length);
    for (int k = 0; k < p.target().length; k++) assertThat(p.targetWatts()[k]).isBetween(partial.minWatts(p.target()[k]), 3068);
  }

  @Test
  void machinesWithoutTargetsOnlySleepAndTheCapStillHolds() {
    boolean[] some = new boolean[20];
    for (int i = 0; i < 10; i++) some[i] = true; // only the S19 XPs run Braiins OS
    FleetState f = fleet(some, new int[20]);
    long cap = 60_780 - 5_000;
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("20", cap, 1_000_000, Duration.ofHours(2), Duration.ZERO));
    for (int i : p.target()) assertThat(f.takesTargets(i)).isTrue();
    assertThat(DispatchPlannerTest.boxed(p.sleep())).allSatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(10));
    f.apply(p, NOW);
    assertThat(f.loadBySite()[0]).isLessThanOrEqualTo(cap).isEqualTo(p.plannedWatts()[0]);
  }

  @Test
  void aMachineThatLosesAtNominalButWinsAtItsMinimumRunsTurnedDown() {
    // $75/MWh: breakeven 27.8 J/TH. An S19j Pro loses at 29.5 J/TH, but at 60% power it does
    // 29.5 × 0.6^0.2 = 26.6 J/TH and pays. Machines 10–14 take targets, 15–19 do not.
    boolean[] some = new boolean[20];
    for (int i = 10; i < 15; i++) some[i] = true;
    FleetState f = fleet(some, new int[20]);
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("75", Long.MAX_VALUE, 1_000_000, Duration.ZERO, Duration.ZERO));
    assertThat(DispatchPlannerTest.boxed(p.sleep())).containsExactlyInAnyOrder(15, 16, 17, 18, 19);
    assertThat(DispatchPlannerTest.boxed(p.target())).containsExactlyInAnyOrder(10, 11, 12, 13, 14);
    assertThat(Arrays.stream(p.targetWatts()).boxed().toList()).allSatisfy(w -> assertThat(w).isEqualTo(1841)); // ⌈0.6 × 3,068⌉
    assertThat(p.plannedWatts()[0]).isEqualTo(10 * 3010 + 5 * 1841);
    // At $90 (breakeven 23.1 J/TH) even 60% power loses: they sleep like the others.
    CurtailmentPlan dear = DispatchPlanner.plan(fleet(some, new int[20]), inputs("90", Long.MAX_VALUE, 1_000_000, Duration.ZERO, Duration.ZERO));
    assertThat(dear.sleep()).hasSize(10);
    assertThat(dear.target()).isEmpty();
  }

  @Test
  void minimumOnTimeHoldsAMachineRunningButATargetIsNoOnOffChange() {
    boolean[] some = all(true);
    FleetState f = fleet(some, new int[20]);
    // machine 19 woke 5 minutes ago: at $90 it would sleep, but its minimum on time holds it; it
    // may still turn down, where it loses less
    f.apply(new CurtailmentPlan(NOW, new int[0], new int[] {19}, new long[1], new long[1], List.of(), false), NOW.minusSeconds(300));
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("90", Long.MAX_VALUE, 1_000_000, Duration.ofMinutes(15), Duration.ZERO));
    assertThat(DispatchPlannerTest.boxed(p.sleep())).doesNotContain(19).contains(10, 18);
    assertThat(DispatchPlannerTest.boxed(p.target())).containsExactly(19);
    assertThat(p.targetWatts()).containsExactly(1841);
  }

  @Test
  void minimumOffTimeKeepsARecentlySleptMachineAsleepEvenWhenItsMinimumWouldPay() {
    boolean[] some = all(true);
    FleetState f = fleet(some, new int[20]);
    f.apply(new CurtailmentPlan(NOW, new int[] {12}, new int[0], new long[1], new long[1], List.of(), false), NOW.minusSeconds(300));
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("75", Long.MAX_VALUE, 1_000_000, Duration.ZERO, Duration.ofMinutes(15)));
    assertThat(DispatchPlannerTest.boxed(p.wake())).doesNotContain(12);
    assertThat(DispatchPlannerTest.boxed(p.target())).doesNotContain(12).contains(10, 11, 13);
  }

  @Test
  void machinesAtATargetReturnToNominalWhenPriceAllowsAndRaisesCountAgainstTheRamp() {
    int[] targets = new int[20];
    for (int i = 10; i < 20; i++) targets[i] = 1841;
    FleetState f = fleet(all(true), targets);
    assertThat(f.loadBySite()[0]).isEqualTo(10 * 3010 + 10 * 1841);
    // $20: everything pays at nominal. Each return adds 1,227 W; a 3 kW ramp takes two.
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("20", Long.MAX_VALUE, 3_000, Duration.ZERO, Duration.ZERO));
    assertThat(p.target()).hasSize(2);
    assertThat(p.targetWatts()).containsOnly(3068);
    assertThat(p.plannedWatts()[0] - f.loadBySite()[0]).isLessThanOrEqualTo(3_000);
    CurtailmentPlan free = DispatchPlanner.plan(f, inputs("20", Long.MAX_VALUE, 1_000_000, Duration.ZERO, Duration.ZERO));
    assertThat(free.target()).hasSize(10);
    f.apply(free, NOW);
    assertThat(f.loadBySite()[0]).isEqualTo(60_780);
    for (int i = 10; i < 20; i++) assertThat(f.targetWatts(i)).isZero();
  }

  @Test
  void replanningACarriedOutPlanSendsNothing() {
    FleetState f = fleet(all(true), new int[20]);
    DispatchInputs in = inputs("20", 60_780 - 5_000, 1_000_000, Duration.ofHours(2), Duration.ofHours(2));
    f.apply(DispatchPlanner.plan(f, in), NOW);
    CurtailmentPlan again = DispatchPlanner.plan(f, in);
    assertThat(again.sleep()).isEmpty();
    assertThat(again.wake()).isEmpty();
    assertThat(again.target()).isEmpty();
  }

  /**
   * A varied fleet over sites "a", "b", "c" for the properties: efficiencies, draws and on/off
   * times spread by index, {@code runningPct} of it running and {@code capablePct} on firmware that
   * takes power targets (some of those already turned down).
   */
  static FleetState mixedFleet(int machines, int runningPct, int capablePct) {
    String[] ids = new String[machines];
    int[] site = new int[machines];
    float[] jth = new float[machines];
    int[] watts = new int[machines];
    boolean[] running = new boolean[machines];
    boolean[] available = new boolean[machines];
    long[] changed = new long[machines];
    int[] min = new int[machines];
    int[] target = new int[machines];
    for (int i = 0; i < machines; i++) {
      ids[i] = "m" + i;
      site[i] = i % 3;
      jth[i] = 13.5f + (i * 7 % 25);
      watts[i] = 3000 + (i * 37 % 700);
      running[i] = (i * 13 % 100) < runningPct;
      available[i] = true;
      changed[i] = NOW.getEpochSecond() - (i * 97 % 7200);
      if ((i * 29 % 100) < capablePct) {
        min[i] = PartialPower.minWatts(watts[i]);
        if (i % 4 == 0) target[i] = min[i] + (i * 53 % (watts[i] - min[i])); // some already turned down
      }
    }
    return new FleetState(ids, site, List.of("a", "b", "c"), jth, watts, running, available, changed, min, target);
  }

  @Property(tries = 300)
  void noPlanEverExceedsASiteLimitWithTargetsInPlay(@ForAll @IntRange(min = 1, max = 400) int machines,
      @ForAll @IntRange(min = 0, max = 2_000_000) int limitW, @ForAll @IntRange(min = -50, max = 300) int price,
      @ForAll @IntRange(min = 0, max = 100) int runningPct, @ForAll @IntRange(min = 0, max = 100) int capablePct,
      @ForAll @IntRange(min = 0, max = 500_000) int shedW, @ForAll @IntRange(min = 0, max = 200_000) int rampW) {
    FleetState f = mixedFleet(machines, runningPct, capablePct);
    long[] limits = {limitW, limitW / 2, 2L * limitW};
    var events = List.of(new DemandResponseEvent("e", "b", Math.max(1, shedW), NOW, Duration.ofMinutes(10), f.loadBySite()[1]));
    var in = new DispatchInputs(NOW, BigDecimal.valueOf(price), HASHPRICE, BigDecimal.ZERO, limits, new long[] {rampW, rampW, rampW},
        Duration.ofMinutes(15), Duration.ofMinutes(15), events, false);
    long[] before = f.loadBySite();
    CurtailmentPlan p = DispatchPlanner.plan(f, in);
    for (int k = 0; k < p.target().length; k++) {
      int i = p.target()[k];
      assertThat(f.takesTargets(i)).isTrue();
      assertThat(p.targetWatts()[k]).isBetween(f.minWatts(i), f.watts(i)).isNotEqualTo(f.runningWatts(i));
    }
    f.apply(p, NOW);
    long[] after = f.loadBySite();
    for (int s = 0; s < 3; s++) {
      assertThat(after[s]).isEqualTo(p.plannedWatts()[s]);
      assertThat(after[s]).isLessThanOrEqualTo(p.limitWatts()[s]);
      assertThat(after[s] - before[s]).isLessThanOrEqualTo(rampW); // raises and wakes stay within the ramp
    }
  }
}
