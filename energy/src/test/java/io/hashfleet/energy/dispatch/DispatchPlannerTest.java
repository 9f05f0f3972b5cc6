package io.hashfleet.energy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DispatchPlannerTest {
  static final Instant NOW = Instant.parse("2025-07-15T21:30:00Z");
  static final BigDecimal HASHPRICE = new BigDecimal("50"); // breakeven J/TH at $80/MWh: 50 / (0.024 × 80) = 26.04

  /** Site 0 "west": 10 S19 XP (21.5 J/TH, 3,010 W) and 10 S19j Pro (29.5 J/TH, 3,068 W), all running for an hour. */
  static FleetState fleet() {
    return DispatchPartialPowerTest.fleet(DispatchPartialPowerTest.all(false), new int[20]); // none takes power targets
  }

  static DispatchInputs inputs(String price, long limitW, long rampW, Duration minOn, List<DemandResponseEvent> events) {
    return new DispatchInputs(NOW, new BigDecimal(price), HASHPRICE, BigDecimal.ZERO, new long[] {limitW}, new long[] {rampW}, minOn, Duration.ZERO,
        events, false);
  }

  @Test
  void atEightyDollarsOnlyTheLessEfficientModelSleeps() {
    CurtailmentPlan p = DispatchPlanner.plan(fleet(), inputs("80", 1_000_000, 1_000_000, Duration.ZERO, List.of()));
    assertThat(p.sleep()).containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    assertThat(p.wake()).isEmpty();
    assertThat(p.plannedWatts()[0]).isEqualTo(10 * 3010);
  }

  @Test
  void aSiteLimitSwitchesOffTheLeastEfficientFirstEvenWhenPowerIsCheap() {
    CurtailmentPlan p = DispatchPlanner.plan(fleet(), inputs("20", 40_000, 1_000_000, Duration.ofHours(2), List.of()));
    assertThat(p.plannedWatts()[0]).isLessThanOrEqualTo(40_000);
    assertThat(boxed(p.sleep())).allSatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(10)); // only S19j Pros
  }

  @Test
  void aDemandResponseEventShedsItsMegawattsLeastEfficientFirst() {
    FleetState f = fleet();
    long baseline = f.loadBySite()[0]; // 60,780 W
    var event = new DemandResponseEvent("ers-1", "west", 20_000, NOW.plusSeconds(600), Duration.ofMinutes(30), baseline);
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("20", 1_000_000, 1_000_000, Duration.ofHours(2), List.of(event)));
    assertThat(p.plannedWatts()[0]).isLessThanOrEqualTo(baseline - 20_000);
    assertThat(boxed(p.sleep())).hasSize(7).allSatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(10)); // 7 × 3,068 W ≥ 20 kW
    assertThat(p.reasons()).anySatisfy(r -> assertThat(r).contains("demand response ers-1"));
  }

  @Test
  void minimumOnTimeHoldsAMachineThatJustWoke() {
    FleetState fresh = fleet();
    // machine 19 woke 5 minutes ago; the other S19j Pros have run for an hour
    fresh.apply(new CurtailmentPlan(NOW, new int[0], new int[] {19}, new long[1], new long[1], List.of(), false), NOW.minusSeconds(300));
    CurtailmentPlan p = DispatchPlanner.plan(fresh, inputs("80", 1_000_000, 1_000_000, Duration.ofMinutes(15), List.of()));
    assertThat(boxed(p.sleep())).doesNotContain(19).contains(10, 18);
  }

  @Test
  void wakeUpsAreStaggeredByTheRampLimitMostEfficientFirst() {
    FleetState f = fleet();
    int[] all = new int[20];
    for (int i = 0; i < 20; i++) all[i] = i;
    f.apply(new CurtailmentPlan(NOW, all, new int[0], new long[1], new long[1], List.of(), false), NOW.minusSeconds(3600));
    CurtailmentPlan p = DispatchPlanner.plan(f, inputs("20", 1_000_000, 10_000, Duration.ZERO, List.of()));
    assertThat(boxed(p.wake())).hasSize(3).allSatisfy(i -> assertThat(i).isLessThan(10)); // 3 × 3,010 W fit in 10 kW
    assertThat(p.wakeWatts(f)).isLessThanOrEqualTo(10_000);
  }

  @Property(tries = 300)
  void noPlanEverExceedsASiteLimit(@ForAll @IntRange(min = 1, max = 400) int machines, @ForAll @IntRange(min = 0, max = 2_000_000) int limitW,
      @ForAll @IntRange(min = -50, max = 300) int price, @ForAll @IntRange(min = 0, max = 100) int runningPct,
      @ForAll @IntRange(min = 0, max = 500_000) int shedW) {
    FleetState f = DispatchPartialPowerTest.mixedFleet(machines, runningPct, 0); // no power targets
    long[] limits = {limitW, limitW / 2, 2L * limitW};
    var events = List.of(new DemandResponseEvent("e", "b", Math.max(1, shedW), NOW, Duration.ofMinutes(10), f.loadBySite()[1]));
    var in = new DispatchInputs(NOW, BigDecimal.valueOf(price), HASHPRICE, BigDecimal.ZERO, limits, new long[] {50_000, 50_000, 50_000},
        Duration.ofMinutes(15), Duration.ofMinutes(15), events, false);
    CurtailmentPlan p = DispatchPlanner.plan(f, in);
    f.apply(p, NOW);
    long[] after = f.loadBySite();
    for (int s = 0; s < 3; s++) {
      assertThat(after[s]).isEqualTo(p.plannedWatts()[s]);
      assertThat(after[s]).isLessThanOrEqualTo(p.limitWatts()[s]);
    }
    assertThat(p.limitWatts()[1]).isLessThanOrEqualTo(Math.max(0, events.get(0).baselineWatts() - events.get(0).shedWatts()));
  }

  static List<Integer> boxed(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
