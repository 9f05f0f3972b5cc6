package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void backtestJsonCarriesTheFiguresPerModelAndInTotal() throws Exception {
    Path prices = dir.resolve("prices.csv");
    // four hours; the third at $90/MWh is above the S19j Pro's breakeven ($70.62 at $50/PH/day) but below the S19 XP's ($96.90)
    Files.writeString(prices, """
        interval_start,price_usd_per_mwh
        2024-07-15T18:00:00Z,25
        2024-07-15T19:00:00Z,40
        2024-07-15T20:00:00Z,90
        2024-07-15T21:00:00Z,-5
        """);
    Path fleet = dir.resolve("fleet.txt");
    Files.writeString(fleet, "model,count\ns19xp,1000\ns19jpro,500\n");
    CliRun r = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--hashprice", "50", "--fleet", fleet.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    for (String field : new String[] {"revenue_usd", "power_cost_usd", "curtailed_mwh", "curtailed_hours", "net_margin_usd", "baseline_net_margin_usd"}) {
      assertThat(j.path("total").has(field)).as(field).isTrue();
      assertThat(j.path("models").get(0).has(field)).as(field).isTrue();
    }
    JsonNode xp = j.path("models").get(0);
    JsonNode jpro = j.path("models").get(1);
    assertThat(xp.path("curtailed_hours").asDouble()).isZero();
    assertThat(jpro.path("curtailed_hours").asDouble()).isEqualTo(1.0);
    assertThat(jpro.path("curtailed_mwh").decimalValue()).isEqualByComparingTo("1.534"); // 500 × 3,068 W for an hour
    assertThat(j.path("total").path("net_margin_usd").decimalValue()).isGreaterThan(j.path("total").path("baseline_net_margin_usd").decimalValue());
  }

  @Test
  void anErcotFileNeedsASettlementPointWhenItHoldsSeveral() throws Exception {
    Path prices = dir.resolve("rtm.csv");
    Files.writeString(prices, """
        Delivery Date,Delivery Hour,Delivery Interval,Repeated Hour Flag,Settlement Point Name,Settlement Point Type,Settlement Point Price
        07/15/2024,17,1,N,HB_WEST,HU,35.10
        07/15/2024,17,1,N,HB_NORTH,HU,33.00
        """);
    Path fleet = dir.resolve("fleet.txt");
    Files.writeString(fleet, "s19xp,10\n");
    CliRun r = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--hashprice", "50", "--fleet", fleet.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("HB_WEST").contains("HB_NORTH");
    CliRun west = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--settlement-point", "HB_WEST", "--hashprice", "50",
        "--fleet", fleet.toString(), "--json");
    assertThat(west.exitCode()).as(west.err()).isZero();
    assertThat(JSON.readTree(west.out()).path("from").asText()).isEqualTo("2024-07-15T21:00:00Z"); // hour ending 17 CDT starts 16:00 = 21:00Z
  }

  @Test
  void partialPowerRunsBraiinsMachinesTurnedDownWhereOnlyThatPaysAndTheFlagComparesWithout() throws Exception {
    Path prices = dir.resolve("prices.csv");
    // $75/MWh: an S19j Pro loses at nominal ($70.62/MWh) but pays at 60% power ($78.21/MWh)
    Files.writeString(prices, "interval_start,price_usd_per_mwh,interval_minutes\n2024-07-15T18:00:00Z,25,60\n2024-07-15T19:00:00Z,75,60\n");
    Path fleet = dir.resolve("fleet.txt");
    Files.writeString(fleet, "model,count,firmware\ns19jpro,500,braiins_os\ns19jpro,500,bitmain\n");
    CliRun r = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--hashprice", "50", "--fleet", fleet.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    JsonNode braiins = j.path("models").get(0);
    JsonNode stock = j.path("models").get(1);
    assertThat(braiins.path("partial_power").asBoolean()).isTrue();
    assertThat(braiins.path("turned_down_hours").asDouble()).isEqualTo(1.0);
    assertThat(braiins.path("curtailed_hours").asDouble()).isZero();
    assertThat(stock.path("partial_power").asBoolean()).isFalse();
    assertThat(stock.path("curtailed_hours").asDouble()).isEqualTo(1.0);
    assertThat(braiins.path("net_margin_usd").decimalValue()).isGreaterThan(stock.path("net_margin_usd").decimalValue());
    CliRun none = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--hashprice", "50", "--fleet", fleet.toString(), "--partial-power",
        "none", "--json");
    assertThat(none.exitCode()).as(none.err()).isZero();
    assertThat(JSON.readTree(none.out()).path("total").path("net_margin_usd").decimalValue())
        .isLessThan(j.path("total").path("net_margin_usd").decimalValue());
  }

  @Test
  void anUnknownModelInTheFleetFileIsNamedWithItsLine() throws Exception {
    Path prices = dir.resolve("p.csv");
    Files.writeString(prices, "interval_start,price_usd_per_mwh,interval_minutes\n2024-07-15T18:00:00Z,25,60\n");
    Path fleet = dir.resolve("fleet.txt");
    Files.writeString(fleet, "model,count\ns19xp,10\ns99,5\n");
    CliRun r = CliRun.of("energy", "backtest", "--prices", prices.toString(), "--hashprice", "50", "--fleet", fleet.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("fleet.txt:3: unknown model 's99'");
  }
}
