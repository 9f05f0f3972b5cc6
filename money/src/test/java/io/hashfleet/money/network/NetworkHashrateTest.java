package io.hashfleet.money.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.DifficultyEpoch;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.Hashprice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkHashrateTest {
  @Test
  void difficulty105TIsAbout753EHsAndTheOwnersShareIs6_6Percent() {
    Hashrate network = NetworkHashrate.fromDifficulty(105.2e12);
    assertThat(network.ehs()).isBetween(752.0, 754.0);
    assertThat(NetworkHashrate.share(Hashrate.ofEhs(50), Hashrate.ofEhs(753))).isEqualByComparingTo("0.0664011");
  }

  @Test
  void blocksFasterThanTenMinutesMeanMoreHashrateThanTheDifficultySays() {
    ChainHistory h = ChainHistory.bundled();
    DifficultyEpoch dec = h.epochAt(Instant.parse("2024-12-20T00:00:00Z"));
    Hashrate byDifficulty = NetworkHashrate.fromDifficulty(dec.difficulty());
    Hashrate byIntervals = NetworkHashrate.fromBlockIntervals(h, dec).orElseThrow();
    double ratio = byIntervals.ehs() / byDifficulty.ehs();
    assertThat(ratio).isBetween(0.8, 1.25);
    assertThat(NetworkHashrate.fromBlockIntervals(h, h.last())).isEmpty();
  }

  @Test
  void hashpriceIsOnePhForADay() {
    ChainHistory flat = ChainHistory.of(List.of(new DifficultyEpoch(870_000, Instant.parse("2024-11-01T00:00:00Z"), 0, 1e14, "test")));
    List<Hashprice.Day> days = Hashprice.byDay(new ExpectedProduction(flat), new FeeAssumption.None(), Instant.parse("2024-11-02T00:00:00Z"),
        Instant.parse("2024-11-04T00:00:00Z"), d -> d.equals(LocalDate.of(2024, 11, 2)) ? new BigDecimal("100000") : null);
    // 1e15 H/s * 86400 s / (1e14 * 2^32) blocks * 3.125 BTC
    double btc = 1e15 * 86_400 / (1e14 * Math.pow(2, 32)) * 3.125;
    assertThat(days).hasSize(2);
    assertThat(days.get(0).btcPerPhDay().doubleValue()).isCloseTo(btc, org.assertj.core.api.Assertions.within(1e-8));
    assertThat(days.get(0).usdPerPhDay()).isEqualByComparingTo(days.get(0).btcPerPhDay().multiply(new BigDecimal("100000")).setScale(2,
        java.math.RoundingMode.HALF_EVEN));
    assertThat(days.get(1).usdPerPhDay()).isNull();
  }
}
