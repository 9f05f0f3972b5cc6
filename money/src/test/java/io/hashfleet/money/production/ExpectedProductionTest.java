package io.hashfleet.money.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.DifficultyEpoch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedProductionTest {
  static final ChainHistory BUNDLED = ChainHistory.bundled();
  static final Instant DEC_1 = Instant.parse("2024-12-01T00:00:00Z");
  static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void december2024_at30_4EHs_isWithin2PercentOfTheReported569_9Btc() {
    ProductionEstimate e = new ExpectedProduction(BUNDLED)
        .constant(Hashrate.ofEhs(30.4), DEC_1, JAN_1, new FeeAssumption.PerBlock(Btc.parse("0.05")));

    double btc = e.total().toBtc().doubleValue();
    System.out.printf("Dec 2024 at 30.4 EH/s: %s BTC, %.2f blocks, harmonic D %.4g%n", e.total(), e.blocksExpected(),
        e.harmonicMeanDifficulty());
    assertThat(btc).isCloseTo(569.9, within(569.9 * 0.02));
    assertThat(e.days()).hasSize(31);
    assertThat(e.days().stream().map(DayProduction::total).reduce(Btc.ZERO, Btc::plus)).isEqualTo(e.total());
    // 180-odd blocks at 3.125 BTC subsidy plus 0.05 fees each.
    assertThat(e.fees().sats() * 3125 / 50).isCloseTo(e.subsidy().sats(), within(100L));
    assertThat(e.harmonicMeanDifficulty()).isBetween(100e12, 112e12);
    assertThat(e.notes()).containsExactly("fees 0.05 BTC per block (configured)");
  }

  @Test
  void ppsPaysTheSubsidyOnly() {
    ExpectedProduction engine = new ExpectedProduction(BUNDLED);
    ProductionEstimate pps = engine.constant(Hashrate.ofEhs(30.4), DEC_1, JAN_1, new FeeAssumption.None());
    ProductionEstimate fpps = engine.constant(Hashrate.ofEhs(30.4), DEC_1, JAN_1, new FeeAssumption.PerBlock(Btc.parse("0.05")));
    assertThat(pps.fees()).isEqualTo(Btc.ZERO);
    assertThat(pps.subsidy()).isEqualTo(fpps.subsidy());
    assertThat(pps.blocksExpected()).isEqualTo(fpps.blocksExpected());
  }

  @Test
  void blocksMatchTheFormulaOnASingleDifficulty() {
    // 1 EH/s for one day at D = 1e14: 1e18 * 86400 / (1e14 * 2^32) blocks.
    ChainHistory flat = ChainHistory.of(List.of(new DifficultyEpoch(870_000, Instant.parse("2024-11-01T00:00:00Z"), 0, 1e14, "test")));
    ProductionEstimate e = new ExpectedProduction(flat).constant(Hashrate.ofEhs(1),
        Instant.parse("2024-11-02T00:00:00Z"), Instant.parse("2024-11-03T00:00:00Z"), new FeeAssumption.None());
    double blocks = 1e18 * 86_400 / (1e14 * Math.pow(2, 32));
    assertThat(e.blocksExpected()).isCloseTo(blocks, within(1e-9));
    assertThat(e.total().sats()).isEqualTo(Math.round(blocks * 312_500_000L));
  }

  @Test
  void aDifficultyChangeMidPeriodUsesTheHarmonicMean() {
    Instant t0 = Instant.parse("2024-11-01T00:00:00Z");
    ChainHistory two = ChainHistory.of(List.of(
        new DifficultyEpoch(870_000, t0, 0, 1e14, "test"),
        new DifficultyEpoch(872_016, t0.plusSeconds(86_400), 0, 2e14, "test")));
    ProductionEstimate e = new ExpectedProduction(two).constant(Hashrate.ofEhs(1), t0, t0.plusSeconds(2 * 86_400),
        new FeeAssumption.None());
    assertThat(e.harmonicMeanDifficulty()).isCloseTo(2 / (1 / 1e14 + 1 / 2e14), within(1.0));
    double blocks = 1e18 * 86_400 / Math.pow(2, 32) * (1 / 1e14 + 1 / 2e14);
    assertThat(e.blocksExpected()).isCloseTo(blocks, within(1e-9));
  }

  @Test
  void theHalvingIsPlacedWhereTheChainReachedBlock840000() {
    // The fourth halving: block 840,000 on 2024-04-20 near 00:09 UTC. A day around it earns at two subsidies.
    Instant from = Instant.parse("2024-04-19T00:00:00Z");
    Instant to = Instant.parse("2024-04-21T00:00:00Z");
    Instant halving = BUNDLED.timeOfHeight(840_000);
    assertThat(halving).isBetween(Instant.parse("2024-04-19T18:00:00Z"), Instant.parse("2024-04-20T06:00:00Z"));
    ProductionEstimate e = new ExpectedProduction(BUNDLED).constant(Hashrate.ofEhs(10), from, to, new FeeAssumption.None());
    DayProduction before = e.days().get(0);
    DayProduction after = e.days().get(1);
    double perBlockBefore = before.subsidy().sats() / before.blocks();
    double perBlockAfter = after.subsidy().sats() / after.blocks();
    assertThat(perBlockBefore).isGreaterThan(312_500_000).isLessThanOrEqualTo(625_000_000.5);
    assertThat(perBlockAfter).isGreaterThanOrEqualTo(312_499_999.5).isLessThan(625_000_000);
  }

  @Test
  void gapsInTelemetryEarnNothing() {
    Instant t0 = Instant.parse("2024-12-02T00:00:00Z");
    ExpectedProduction engine = new ExpectedProduction(BUNDLED);
    ProductionEstimate half = engine.estimate(List.of(new HashrateInterval(t0, t0.plusSeconds(43_200), Hashrate.ofEhs(1))),
        t0, t0.plusSeconds(86_400), new FeeAssumption.None());
    ProductionEstimate full = engine.constant(Hashrate.ofEhs(1), t0, t0.plusSeconds(86_400), new FeeAssumption.None());
    assertThat(half.blocksExpected() * 2).isCloseTo(full.blocksExpected(), within(0.02));
    assertThat(half.averageHashrate().ehs()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aFeeShareIsAShareOfTheWholeReward() {
    FeeAssumption share = new FeeAssumption.ShareOfReward(new BigDecimal("0.2"));
    // 3.125 subsidy is 80% of the reward, so fees are 0.78125
    assertThat(share.feesPerBlock(DEC_1, Btc.parse("3.125"))).isEqualTo(Btc.parse("0.78125"));
  }

  @Test
  void aPeriodBeforeTheChainDataIsAnError() {
    ChainHistory late = ChainHistory.of(List.of(new DifficultyEpoch(870_000, DEC_1, 0, 1e14, "test")));
    assertThatThrownBy(() -> new ExpectedProduction(late).constant(Hashrate.ofEhs(1), DEC_1.minusSeconds(3600), JAN_1,
        new FeeAssumption.None())).hasMessageContaining("no chain data before 2024-12-01");
  }

  @Test
  void aPeriodPastTheChainDataSaysWhatItAssumed() {
    ProductionEstimate e = new ExpectedProduction(BUNDLED).constant(Hashrate.ofEhs(1), Instant.parse("2025-06-01T00:00:00Z"),
        Instant.parse("2025-06-02T00:00:00Z"), new FeeAssumption.None());
    assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("chain data ends with the epoch from block 878976"));
  }
}
