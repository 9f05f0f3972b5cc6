package io.hashfleet.collect.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.health.Problem;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {
  private static List<FleetMiner> fleet(int n) {
    List<FleetMiner> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(new FleetMiner(MinerAddress.of("10.9.0." + i), MinerIdentity.UNKNOWN, MinerLocation.UNKNOWN));
    return out;
  }

  private static PollOutcome ok(FleetMiner m, java.time.Instant at) {
    MinerTelemetry t = new MinerTelemetry(m.address(), at, MinerIdentity.UNKNOWN, Hashrate.ofThs(140), Hashrate.ofThs(140),
        List.of(), List.of(), null, List.of(), 0, 60);
    return new PollOutcome(new MinerSample(m.address(), at, t, HealthState.OK, null), List.of());
  }

  @Test
  void every_miner_is_polled_once_per_interval_and_a_hung_one_delays_no_one() throws Exception {
    List<FleetMiner> miners = fleet(200);
    Map<MinerAddress, AtomicInteger> polls = new ConcurrentHashMap<>();
    PollTask task = (m, at) -> {
      polls.computeIfAbsent(m.address(), k -> new AtomicInteger()).incrementAndGet();
      if (m.address().host().equals("10.9.0.7")) {
        try {
          Thread.sleep(5_000); // hung miner: holds its slot, nobody else waits
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return ok(m, at);
    };
    PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofMillis(500)).withConcurrency(16);
    try (PollScheduler s = new PollScheduler(miners, task, settings, o -> {}, Clock.systemUTC()).start()) {
      Thread.sleep(1_600);
    }
    // 1.6 s at 0.5 s interval: three or four polls each (phase and jitter), one for the hung miner
    for (FleetMiner m : miners) {
      int n = polls.getOrDefault(m.address(), new AtomicInteger()).get();
      if (m.address().host().equals("10.9.0.7")) assertThat(n).isEqualTo(1);
      else assertThat(n).as(m.address().toString()).isBetween(2, 4);
    }
  }

  @Test
  void a_failing_miner_backs_off_and_a_throwing_driver_becomes_an_offline_sample() throws Exception {
    List<FleetMiner> miners = fleet(2);
    Map<MinerAddress, AtomicInteger> polls = new ConcurrentHashMap<>();
    List<PollOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    PollTask task = (m, at) -> {
      polls.computeIfAbsent(m.address(), k -> new AtomicInteger()).incrementAndGet();
      if (m.address().host().endsWith(".0")) throw new IllegalStateException("driver bug");
      return ok(m, at);
    };
    PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofMillis(200));
    try (PollScheduler s = new PollScheduler(miners, task, settings, outcomes::add, Clock.systemUTC()).start()) {
      Thread.sleep(2_000);
      assertThat(s.stats().failures()).isPositive();
    }
    int failing = polls.get(MinerAddress.of("10.9.0.0")).get();
    int healthy = polls.get(MinerAddress.of("10.9.0.1")).get();
    assertThat(healthy).isBetween(8, 11);
    assertThat(failing).isLessThanOrEqualTo(5); // 200, 200, 400, 800 ms steps
    assertThat(outcomes).anySatisfy(o -> {
      assertThat(o.sample().health()).isEqualTo(HealthState.OFFLINE);
      assertThat(o.sample().detail()).contains("driver bug");
      assertThat(o.problems()).extracting(Problem::state).containsExactly(HealthState.OFFLINE);
    });
  }

  @Test
  void while_commands_hold_the_poller_no_new_poll_starts_and_a_hold_lapses_after_its_maximum() throws Exception {
    List<FleetMiner> miners = fleet(50);
    AtomicInteger polls = new AtomicInteger();
    PollTask task = (m, at) -> {
      polls.incrementAndGet();
      return ok(m, at);
    };
    PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofMillis(200));
    PollHold hold = new PollHold(Duration.ofMillis(1_500));
    try (PollScheduler s = new PollScheduler(miners, task, settings, o -> {}, Clock.systemUTC(), hold).start()) {
      Thread.sleep(500);
      assertThat(polls.get()).as("polling before the hold").isPositive();
      PollHold.Held held = hold.hold();
      Thread.sleep(50); // polls already started finish
      int atHold = polls.get();
      Thread.sleep(600);
      assertThat(polls.get()).as("no poll starts while held").isEqualTo(atHold);
      held.close();
      Thread.sleep(400);
      assertThat(polls.get()).as("the due polls run once released").isGreaterThanOrEqualTo(atHold + 50);

      PollHold.Held forgotten = hold.hold(); // a sender that never lets go
      Thread.sleep(50);
      int atSecondHold = polls.get();
      Thread.sleep(2_300);
      assertThat(polls.get()).as("the hold lapsed after 1.5 s and polling resumed").isGreaterThan(atSecondHold + 50);
      forgotten.close();
    }
  }
}
