package io.hashfleet.bench;

import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.DispatchInputs;
import io.hashfleet.energy.dispatch.DispatchPlanner;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.dispatch.PartialPower;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One dispatch decision for the whole fleet: 350,000 machines at five sites (60% S19 XP, 25% S21,
 * 10% S19j Pro, 5% M50S), a price that puts the least efficient models below breakeven, site
 * limits that bind, and a demand-response event at one site. A third of the machines run firmware
 * that takes power targets (Braiins OS), so the partial-power rules (turned down instead of off,
 * caps trimmed with targets) are in every decision. The target is under 1 s.
 *
 * <pre>
 * ./mvnw -B -Pbench -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar DispatchBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
  @Param({"350000"})
  int machines;

  FleetState fleet;
  DispatchInputs inputs;

  @Setup
  public void setUp() {
    Instant now = Instant.parse("2025-07-15T21:30:00Z");
    String[] ids = new String[machines];
    int[] site = new int[machines];
    float[] jth = new float[machines];
    int[] watts = new int[machines];
    boolean[] running = new boolean[machines];
    long[] changed = new long[machines];
    boolean[] available = new boolean[machines];
    int[] min = new int[machines];
    int[] target = new int[machines];
    for (int i = 0; i < machines; i++) {
      ids[i] = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255) + ":4028";
      site[i] = i % 5;
      int mix = i % 20;
      if (mix < 12) {
        jth[i] = 21.5f;
        watts[i] = 3010;
      } else if (mix < 17) {
        jth[i] = 17.5f;
        watts[i] = 3500;
      } else if (mix < 19) {
        jth[i] = 29.5f;
        watts[i] = 3068;
      } else {
        jth[i] = 26f;
        watts[i] = 3276;
      }
      running[i] = i % 10 != 0;
      changed[i] = now.getEpochSecond() - (i % 7200);
      available[i] = true;
      if (i % 3 == 0) min[i] = PartialPower.minWatts(watts[i]);
    }
    fleet = new FleetState(ids, site, List.of("rockdale", "odessa", "midland", "abilene", "corsicana"), jth, watts, running, available, changed,
        min, target);
    long[] loads = fleet.loadBySite();
    long[] limits = new long[5];
    long[] ramp = new long[5];
    for (int s = 0; s < 5; s++) {
      limits[s] = loads[s] * 95 / 100;
      ramp[s] = 5_000_000;
    }
    var event = new DemandResponseEvent("ers-1", "odessa", 20_000_000, now.plusSeconds(600), Duration.ofMinutes(60), loads[1]);
    inputs = new DispatchInputs(now, new BigDecimal("75"), new BigDecimal("50"), BigDecimal.ZERO, limits, ramp, Duration.ofMinutes(15),
        Duration.ofMinutes(15), List.of(event), true);
  }

  @Benchmark
  public CurtailmentPlan decide() {
    return DispatchPlanner.plan(fleet, inputs);
  }
}
