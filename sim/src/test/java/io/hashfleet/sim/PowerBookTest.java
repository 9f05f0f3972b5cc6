package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PowerBookTest {
  private final PowerBook book = new PowerBook(Duration.ofSeconds(5), Duration.ofSeconds(180));
  private static final double HASHING_W = 3000;
  /** A target settles in the sleep time. */
  private static final long SETTLE_MS = 5_000;

  @Test
  void sleep_windsDownLinearlyToStandby_withinTheSleepTime() {
    assertThat(book.sleep(7, 0)).isTrue();
    PowerBook.PowerLevel half = book.at(7, 2_500);
    assertThat(half.state()).isEqualTo(PowerState.WINDING_DOWN);
    assertThat(half.hashFactor()).isCloseTo(0.5, within(1e-9));
    assertThat(half.watts(HASHING_W)).isCloseTo(15 + (HASHING_W - 15) / 2, within(1e-6));
    PowerBook.PowerLevel asleep = book.at(7, 5_000);
    assertThat(asleep.state()).isEqualTo(PowerState.SLEEPING);
    assertThat(asleep.hashFactor()).isZero();
    assertThat(asleep.watts(HASHING_W)).isEqualTo(15);
    assertThat(book.at(8, 5_000)).as("other miners are untouched").isEqualTo(PowerBook.PowerLevel.FULL);
  }

  @Test
  void wake_bootsWithoutHashing_thenRampsToFullOverASixthOfTheBootTime() {
    book.sleep(1, 0);
    assertThat(book.wake(1, 10_000)).isTrue();
    PowerBook.PowerLevel booting = book.at(1, 10_000 + 179_999);
    assertThat(booting.state()).isEqualTo(PowerState.BOOTING);
    assertThat(booting.hashFactor()).isZero();
    assertThat(booting.watts(HASHING_W)).isCloseTo(15 + 0.04 * HASHING_W, within(1e-6));
    assertThat(booting.restartMs()).isEqualTo(10_000);
    PowerBook.PowerLevel ramping = book.at(1, 10_000 + 180_000 + 15_000);
    assertThat(ramping.state()).isEqualTo(PowerState.RAMPING_UP);
    assertThat(ramping.hashFactor()).isCloseTo(0.5, within(1e-9));
    PowerBook.PowerLevel full = book.at(1, 10_000 + 210_000);
    assertThat(full.state()).isEqualTo(PowerState.HASHING);
    assertThat(full.watts(HASHING_W)).isEqualTo(HASHING_W);
  }

  @Test
  void commandsAreIdempotent_andASleepWhileRampingStartsFromTheLevelReached() {
    assertThat(book.wake(2, 0)).as("a hashing miner is awake already").isFalse();
    book.sleep(2, 0);
    assertThat(book.sleep(2, 4_000)).as("sleeping again keeps the first timeline").isFalse();
    assertThat(book.at(2, 5_000).state()).isEqualTo(PowerState.SLEEPING);
    book.wake(2, 10_000);
    assertThat(book.wake(2, 20_000)).as("waking a booting miner does not restart its boot").isFalse();
    book.sleep(2, 10_000 + 180_000 + 22_500); // three quarters up the ramp
    assertThat(book.at(2, 10_000 + 180_000 + 22_500).hashFactor()).isCloseTo(0.75, within(1e-9));
    assertThat(book.at(2, 10_000 + 180_000 + 25_000).hashFactor()).isCloseTo(0.375, within(1e-9));
    assertThat(book.toldToSleep(2)).isTrue();
  }

  @Test
  void target_settlesTheDrawFromNormalToTheTargetShare_andHashrateFollowsTheCurve() {
    book.target(3, 0.8, 0);
    assertThat(book.targetShare(3)).isEqualTo(0.8);
    PowerBook.PowerLevel halfway = book.at(3, SETTLE_MS / 2);
    assertThat(halfway.state()).isEqualTo(PowerState.HASHING);
    assertThat(halfway.watts(HASHING_W)).isCloseTo(0.9 * HASHING_W, within(1e-6));
    PowerBook.PowerLevel settled = book.at(3, SETTLE_MS);
    assertThat(settled.watts(HASHING_W)).isCloseTo(0.8 * HASHING_W, within(1e-6));
    // less draw, less hashrate, but better J/TH: hashrate falls less than the draw
    assertThat(settled.hashFactor()).isCloseTo(Math.pow(0.8, 2.0 / 3), within(1e-9)).isGreaterThan(0.8).isLessThan(1);
    assertThat(book.at(4, 0)).as("other miners are untouched").isEqualTo(PowerBook.PowerLevel.FULL);
  }

  @Test
  void aNewTarget_settlesFromWhereTheLastOneHadGot() {
    book.target(5, 0.7, 0);
    book.target(5, 1.1, SETTLE_MS / 2); // from 0.85, heading up
    assertThat(book.at(5, SETTLE_MS / 2).watts(HASHING_W)).isCloseTo(0.85 * HASHING_W, within(1e-6));
    assertThat(book.at(5, SETTLE_MS * 2).watts(HASHING_W)).isCloseTo(1.1 * HASHING_W, within(1e-6));
    assertThat(book.at(5, SETTLE_MS * 2).hashFactor()).isGreaterThan(1);
  }

  @Test
  void sleepFromATarget_windsDownFromTheTargetDraw_andTheWakeRampsBackToTheSavedTarget() {
    book.target(6, 0.6, 0);
    long t = SETTLE_MS;
    assertThat(book.sleep(6, t)).isTrue();
    assertThat(book.at(6, t).watts(HASHING_W)).isCloseTo(0.6 * HASHING_W, within(1e-6));
    assertThat(book.at(6, t + 2_500).watts(HASHING_W)).isCloseTo(15 + (0.6 * HASHING_W - 15) / 2, within(1e-6));
    assertThat(book.at(6, t + 5_000).watts(HASHING_W)).isEqualTo(15);
    book.target(6, 0.9, t + 6_000);
    assertThat(book.at(6, t + 7_000).state()).as("a target does not wake a sleeping miner").isEqualTo(PowerState.SLEEPING);
    assertThat(book.wake(6, t + 10_000)).isTrue();
    assertThat(book.at(6, t + 10_000 + 180_000 + 30_000).watts(HASHING_W)).as("woke to the last target").isCloseTo(0.9 * HASHING_W, within(1e-6));
    assertThat(book.wake(6, t + 300_000)).as("a targeted miner is awake").isFalse();
  }

  @Test
  void aTargetWhileRamping_becomesWhereTheRampEnds() {
    book.sleep(8, 0);
    book.wake(8, 10_000);
    book.target(8, 0.75, 10_000 + 180_000 + 15_000);
    PowerBook.PowerLevel ramping = book.at(8, 10_000 + 180_000 + 15_000);
    assertThat(ramping.state()).isEqualTo(PowerState.RAMPING_UP);
    assertThat(ramping.hashFactor()).isCloseTo(0.5 * Math.pow(0.75, 2.0 / 3), within(1e-9));
    assertThat(book.at(8, 10_000 + 210_000).watts(HASHING_W)).isCloseTo(0.75 * HASHING_W, within(1e-6));
  }
}
