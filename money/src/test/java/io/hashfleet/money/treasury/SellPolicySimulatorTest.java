package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.treasury.SellPolicy.Hold;
import io.hashfleet.money.treasury.SellPolicy.SellAbovePrice;
import io.hashfleet.money.treasury.SellPolicy.SellShareOfProduction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SellPolicySimulatorTest {
  static final LocalDate DEC_1 = LocalDate.parse("2024-12-01");
  static final LocalDate DEC_4 = DEC_1.plusDays(3);
  /** No close on December 3rd: that day trades at the 2nd's close. */
  static final PriceSeries PRICES = PriceSeries.of(Map.of(
      DEC_1, new BigDecimal("50000"), DEC_1.plusDays(1), new BigDecimal("60000"), DEC_4, new BigDecimal("80000")));
  static final List<DailyProduction> ONE_BTC_A_DAY = List.of(
      new DailyProduction(DEC_1, Btc.parse("1")), new DailyProduction(DEC_1.plusDays(1), Btc.parse("1")),
      new DailyProduction(DEC_1.plusDays(2), Btc.parse("1")), new DailyProduction(DEC_4, Btc.parse("1")));

  static SimulationResult run(SellPolicy policy) {
    return SellPolicySimulator.run(policy, ONE_BTC_A_DAY, PRICES, DEC_1, DEC_4);
  }

  @Test
  void hold_keepsEverythingAndValuesItAtTheLastClose() {
    SimulationResult r = run(new Hold());
    assertThat(r.held()).isEqualTo(Btc.parse("4"));
    assertThat(r.sold()).isEqualTo(Btc.ZERO);
    assertThat(r.proceeds()).isEqualTo(new BigDecimal("0.00"));
    assertThat(r.marketValue()).isEqualTo(new BigDecimal("320000.00"));
    assertThat(r.totalValue()).isEqualTo(new BigDecimal("320000.00"));
  }

  @Test
  void sellShare_sellsThatShareOfEachDaysProductionAtThatDaysPrice() {
    SimulationResult r = run(new SellShareOfProduction(new BigDecimal("0.25")));
    assertThat(r.sold()).isEqualTo(Btc.parse("1"));
    assertThat(r.held()).isEqualTo(Btc.parse("3"));
    assertThat(r.proceeds()).isEqualTo(new BigDecimal("62500.00")); // 0.25 × (50000 + 60000 + 60000 + 80000)
    assertThat(r.marketValue()).isEqualTo(new BigDecimal("240000.00"));
    assertThat(r.totalValue()).isEqualTo(new BigDecimal("302500.00"));
  }

  @Test
  void sellAbovePrice_sellsAllHoldingsOnEveryDayAtOrAboveTheTarget() {
    SimulationResult r = run(new SellAbovePrice(new BigDecimal("60000")));
    assertThat(r.days()).extracting(SimulationDay::holdings)
        .containsExactly(Btc.parse("1"), Btc.ZERO, Btc.ZERO, Btc.ZERO);
    assertThat(r.days()).extracting(SimulationDay::cumulativeProceeds).containsExactly(
        new BigDecimal("0.00"), new BigDecimal("120000.00"), new BigDecimal("180000.00"), new BigDecimal("260000.00"));
    assertThat(r.days()).extracting(SimulationDay::usdPerBtc).map(BigDecimal::intValue).containsExactly(50000, 60000, 60000, 80000);
    assertThat(r.sold()).isEqualTo(r.produced()).isEqualTo(Btc.parse("4"));
    assertThat(r.totalValue()).isEqualTo(new BigDecimal("260000.00"));
  }

  @Test
  void sellShare_roundsDownToWholeSatoshis() {
    SimulationResult r = SellPolicySimulator.run(new SellShareOfProduction(new BigDecimal("0.5")),
        List.of(new DailyProduction(DEC_1, Btc.ofSats(3))), PRICES, DEC_1, DEC_1);
    assertThat(r.sold()).isEqualTo(Btc.ofSats(1));
    assertThat(r.held()).isEqualTo(Btc.ofSats(2));
    assertThat(r.days()).singleElement().satisfies(day -> assertThat(day.sold()).isEqualTo(Btc.ofSats(1)));
  }

  @Test
  void productionOutsideTheWindowIsLeftOutAndADayListedTwiceIsAddedUp() {
    List<DailyProduction> production = List.of(
        new DailyProduction(DEC_1.minusDays(1), Btc.parse("5")),
        new DailyProduction(DEC_1.plusDays(1), Btc.parse("0.5")),
        new DailyProduction(DEC_1.plusDays(1), Btc.parse("0.25")),
        new DailyProduction(DEC_4.plusDays(1), Btc.parse("5")));
    SimulationResult r = SellPolicySimulator.run(new Hold(), production, PRICES, DEC_1, DEC_4);
    assertThat(r.produced()).isEqualTo(Btc.parse("0.75"));
    assertThat(r.days()).hasSize(4).extracting(SimulationDay::produced)
        .containsExactly(Btc.ZERO, Btc.parse("0.75"), Btc.ZERO, Btc.ZERO);
  }

  @Test
  void dailyProduction_addsUpReceiptsByTheirUtcDay() {
    List<Receipt> receipts = List.of(
        new Receipt("r-1", Instant.parse("2024-12-01T00:00:00Z"), Btc.ofSats(10), "Foundry"),
        new Receipt("r-2", Instant.parse("2024-12-01T23:59:59Z"), Btc.ofSats(5), "Luxor"),
        new Receipt("r-3", Instant.parse("2024-12-02T00:00:00Z"), Btc.ofSats(7), "Foundry"));
    assertThat(DailyProduction.fromReceipts(receipts)).containsExactly(
        new DailyProduction(DEC_1, Btc.ofSats(15)), new DailyProduction(DEC_1.plusDays(1), Btc.ofSats(7)));
  }

  @Test
  void simulation_refusesABackwardWindowAndAStartWithoutPrice() {
    assertThatThrownBy(() -> SellPolicySimulator.run(new Hold(), ONE_BTC_A_DAY, PRICES, DEC_4, DEC_1))
        .hasMessage("simulation ends 2024-12-01 before it starts 2024-12-04");
    assertThatThrownBy(() -> SellPolicySimulator.run(new Hold(), ONE_BTC_A_DAY, PRICES, DEC_1.minusDays(1), DEC_1))
        .hasMessageStartingWith("no USD price on or before 2024-11-30");
  }

  @Test
  void policies_refuseParametersThatMakeNoSense() {
    assertThatThrownBy(() -> new SellShareOfProduction(new BigDecimal("1.01")))
        .hasMessage("share of production to sell must be between 0 and 1, got 1.01");
    assertThatThrownBy(() -> new SellShareOfProduction(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SellAbovePrice(BigDecimal.ZERO)).hasMessage("target price must be positive, got 0");
    assertThatThrownBy(() -> new DailyProduction(DEC_1, Btc.ofSats(-1))).hasMessageContaining("must not be negative");
  }
}
