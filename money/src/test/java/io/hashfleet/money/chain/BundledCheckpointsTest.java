package io.hashfleet.money.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashfleet.domain.Btc;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledCheckpointsTest {
  @Test
  void bundledHistoryRunsFromEpoch1ToJanuary2025InStepsOf2016() {
    List<DifficultyEpoch> epochs = BundledCheckpoints.mainnet();
    assertThat(epochs).hasSize(436);
    assertThat(epochs.getFirst().height()).isEqualTo(2016);
    assertThat(epochs.getLast().height()).isEqualTo(878_976);
    assertThat(epochs.getLast().start()).isBetween(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-31T00:00:00Z"));
    for (int i = 1; i < epochs.size(); i++) assertThat(epochs.get(i).height() - epochs.get(i - 1).height()).isEqualTo(2016);
  }

  @Test
  void difficultyDecodesFromTheHeaderBits() {
    // Block 2016 still had the minimum target 0x1d00ffff: difficulty exactly 1.
    DifficultyEpoch first = BundledCheckpoints.mainnet().getFirst();
    assertThat(first.bits()).isEqualTo(0x1d00ffffL);
    assertThat(first.difficulty()).isEqualTo(1.0);
    // December 2024's difficulty was a little over 100 T (about 103.9e12 to 110.5e12).
    DifficultyEpoch dec = ChainHistory.bundled().epochAt(Instant.parse("2024-12-15T00:00:00Z"));
    assertThat(dec.difficulty()).isBetween(100e12, 111e12);
  }

  @Test
  void subsidyHalvesEvery210000Blocks() {
    assertThat(Subsidy.atHeight(0)).isEqualTo(Btc.parse("50"));
    assertThat(Subsidy.atHeight(209_999)).isEqualTo(Btc.parse("50"));
    assertThat(Subsidy.atHeight(210_000)).isEqualTo(Btc.parse("25"));
    assertThat(Subsidy.atHeight(840_000)).isEqualTo(Btc.parse("3.125"));
    assertThat(Subsidy.atHeight(1_050_000)).isEqualTo(Btc.parse("1.5625"));
    assertThat(Subsidy.atHeight(64L * 210_000)).isEqualTo(Btc.ZERO);
    assertThat(Subsidy.atHeight(33L * 210_000).sats()).isZero(); // 5e9 >> 33 is below one satoshi
  }

  @Test
  void heightIsInterpolatedBetweenEpochStarts() {
    ChainHistory h = ChainHistory.bundled();
    DifficultyEpoch e = h.epochs().get(400);
    assertThat(h.heightAt(e.start())).isCloseTo(e.height(), within(1e-9));
    assertThat(h.timeOfHeight(e.height())).isEqualTo(e.start());
    Instant mid = h.timeOfHeight(e.height() + 1008);
    assertThat(h.heightAt(mid)).isCloseTo(e.height() + 1008, within(0.01));
  }
}
