package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PowerBookTest {
  private final PowerBook book = new PowerBook(Duration.ofSeconds(5), Duration.ofSeconds(180));
  private static final double HASHING_W = 3000;

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
}
