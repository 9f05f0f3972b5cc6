package io.hashfleet.collect.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.domain.PoolReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthClassifierTest {
  private final HealthClassifier classifier = new HealthClassifier(ModelCatalog.bundled(), HealthRules.DEFAULT);
  private static final MinerIdentity S19XP = new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "bmminer 1.0.0", null);
  private static final PoolReading POOL = new PoolReading("stratum+tcp://pool.example.com:3333", "acme.r1x1", true, true, 50_000, 20, 3);

  private static HashboardReading board(int i, double ths, int chips, double chipTemp) {
    return new HashboardReading(i, Hashrate.ofThs(ths), chips, chipTemp - 12, chipTemp, 0);
  }

  private static MinerTelemetry s19xp(List<HashboardReading> boards, List<Integer> fans, List<PoolReading> pools) {
    Hashrate total = Hashrate.ZERO;
    for (HashboardReading b : boards) total = total.plus(b.hashrate());
    return new MinerTelemetry(MinerAddress.of("10.1.0.2"), Instant.EPOCH, S19XP, total, total, boards, fans, null, pools, 0, 3600);
  }

  private static final List<HashboardReading> GOOD = List.of(board(0, 46.9, 110, 68), board(1, 47.1, 110, 70), board(2, 46.5, 110, 69));

  @Test
  void a_healthy_s19xp_is_ok() {
    assertThat(classifier.problems(s19xp(GOOD, List.of(5400, 5460, 5400, 5430), List.of(POOL)))).isEmpty();
  }

  @Test
  void a_dead_board_is_named_and_outranks_the_low_hashrate_it_causes() {
    List<HashboardReading> boards = List.of(board(0, 46.9, 110, 68), board(1, 0, 0, 30), board(2, 46.5, 110, 69));
    List<Problem> p = classifier.problems(s19xp(boards, List.of(5400, 5460, 5400, 5430), List.of(POOL)));
    assertThat(p).extracting(Problem::state).containsExactly(HealthState.DEAD_BOARD, HealthState.LOW_HASHRATE);
    assertThat(p.get(0).detail()).contains("[1]");
    assertThat(HealthClassifier.worst(p)).isEqualTo(HealthState.DEAD_BOARD);
  }

  @Test
  void a_missing_board_counts_as_dead() {
    List<Problem> p = classifier.problems(s19xp(GOOD.subList(0, 2), List.of(5400, 5460, 5400, 5430), List.of(POOL)));
    assertThat(p.get(0).state()).isEqualTo(HealthState.DEAD_BOARD);
    assertThat(p.get(0).detail()).contains("1 of 3 hashboards missing");
  }

  @Test
  void overheating_and_a_stopped_fan_are_found() {
    List<HashboardReading> hot = List.of(board(0, 46.9, 110, 96), board(1, 47.1, 110, 70), board(2, 46.5, 110, 69));
    List<Problem> p = classifier.problems(s19xp(hot, List.of(5400, 0, 5400, 5430), List.of(POOL)));
    assertThat(p).extracting(Problem::state).containsExactly(HealthState.OVERHEAT, HealthState.FAN_FAILURE);
  }

  @Test
  void immersion_units_with_no_fans_spinning_are_not_fan_failures() {
    assertThat(classifier.problems(s19xp(GOOD, List.of(0, 0, 0, 0), List.of(POOL)))).isEmpty();
  }

  @Test
  void idle_boards_with_their_chips_are_not_dead_when_no_pool_is_alive() {
    PoolReading dead = new PoolReading("stratum+tcp://pool.example.com:3333", "acme.r1x1", false, false, 0, 0, 0);
    List<HashboardReading> idle = List.of(board(0, 0, 110, 40), board(1, 0, 110, 41), board(2, 0, 110, 40));
    assertThat(classifier.problems(s19xp(idle, List.of(2000, 2000, 2000, 2000), List.of(dead))))
        .extracting(Problem::state).containsExactly(HealthState.NO_POOL);
  }

  @Test
  void dead_pools_and_high_rejects_are_found() {
    PoolReading dead = new PoolReading("stratum+tcp://pool.example.com:3333", "acme.r1x1", false, false, 0, 0, 0);
    assertThat(classifier.problems(s19xp(GOOD, List.of(5400, 5400, 5400, 5400), List.of(dead))))
        .extracting(Problem::state).containsExactly(HealthState.NO_POOL);
    PoolReading rejecting = new PoolReading("stratum+tcp://pool.example.com:3333", "acme.r1x1", true, true, 9_000, 1_000, 0);
    assertThat(classifier.problems(s19xp(GOOD, List.of(5400, 5400, 5400, 5400), List.of(rejecting))))
        .extracting(Problem::state).containsExactly(HealthState.HIGH_REJECTS);
  }

  @Test
  void a_miner_asleep_at_standby_draw_is_curtailed_and_raises_no_alert() {
    List<HashboardReading> idle = List.of(board(0, 0, 110, 30), board(1, 0, 110, 30), board(2, 0, 110, 30));
    MinerTelemetry asleep = new MinerTelemetry(MinerAddress.of("10.1.0.2"), Instant.EPOCH, S19XP, Hashrate.ZERO, Hashrate.ZERO, idle, List.of(0, 0, 0, 0),
        15, List.of(POOL), 0, 3600);
    List<Problem> p = classifier.problems(asleep);
    assertThat(p).extracting(Problem::state).containsExactly(HealthState.CURTAILED);
    java.util.List<io.hashfleet.domain.Alert> opened = new java.util.ArrayList<>();
    var tracker = new io.hashfleet.collect.alert.AlertTracker(new io.hashfleet.collect.alert.AlertTracker.Listener() {
      @Override
      public void opened(io.hashfleet.domain.Alert a) {
        opened.add(a);
      }

      @Override
      public void closed(io.hashfleet.domain.Alert a) {}
    });
    tracker.update(asleep.address(), Instant.EPOCH, p);
    assertThat(opened).isEmpty();
    // the same miner drawing 1.2 kW with no hashrate is not asleep: something is wrong
    MinerTelemetry stuck = new MinerTelemetry(MinerAddress.of("10.1.0.2"), Instant.EPOCH, S19XP, Hashrate.ZERO, Hashrate.ZERO, idle, List.of(5400, 5400, 5400, 5400),
        1200, List.of(POOL), 0, 3600);
    assertThat(classifier.problems(stuck)).extracting(Problem::state).contains(HealthState.LOW_HASHRATE);
  }
}
