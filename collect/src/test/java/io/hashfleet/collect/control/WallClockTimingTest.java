package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Dialect;
import io.hashfleet.sim.VirtualMinerView;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The same cycle on wall time with short timings: what a dispatcher polling a real fleet would see. */
class WallClockTimingTest {
  private static final Duration SLEEP = Duration.ofMillis(400);
  private static final Duration BOOT = Duration.ofMillis(1200);

  @Test
  void sleepReachesZeroWithinTheSleepTime_andWakeHashesAgainOnlyAfterTheBootTime() throws Exception {
    try (SimRig rig = new SimRig("127.0.41.0/24", SLEEP, BOOT, InstantSource.system())) {
      VirtualMinerView m = rig.miner(Dialect.LUXOS);
      assertThat(rig.read(m).hashrateNow().mhs()).isPositive();

      // the miner starts its timeline between the command leaving and the answer coming back
      long sent = System.nanoTime();
      assertThat(rig.send(m, PowerCommand.sleep()).accepted()).isTrue();
      long answered = System.nanoTime();
      long[] zero = whenTrue(() -> rig.read(m).hashrateNow().mhs() == 0);
      assertThat(ms(zero[1] - sent)).isGreaterThanOrEqualTo(SLEEP.toMillis());
      assertThat(ms(zero[0] - answered)).isLessThanOrEqualTo(SLEEP.toMillis() + 500);
      assertThat(rig.read(m).powerW()).isBetween(10, 20);

      sent = System.nanoTime();
      assertThat(rig.send(m, PowerCommand.wake()).accepted()).isTrue();
      answered = System.nanoTime();
      long[] hashing = whenTrue(() -> rig.read(m).hashrateNow().mhs() > 0);
      assertThat(ms(hashing[1] - sent)).isGreaterThanOrEqualTo(BOOT.toMillis());
      assertThat(ms(hashing[0] - answered)).isLessThanOrEqualTo(BOOT.toMillis() + 500);
    }
  }

  /**
   * Polls every 20 ms; the nano times just before and just after the first check that held, so the
   * moment the miner changed lies between the previous check and the second of them.
   */
  private static long[] whenTrue(Check check) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      long before = System.nanoTime();
      if (check.holds()) return new long[] {before, System.nanoTime()};
      if (before > deadline) throw new AssertionError("condition not reached in 10 s");
      Thread.sleep(20);
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }
}
