package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.Fault;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan --register, import, up, status and miners working together on one store, as a user runs them. */
class FleetCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String l : out.split("\n")) if (!l.isBlank()) rows.add(JSON.readTree(l));
    return rows;
  }

  @Test
  void register_locate_poll_then_list_and_summarise_from_the_store(@TempDir Path dir) throws Exception {
    SimConfig config = new SimConfig(40, Cidr.parse("127.57.0.0/24"), SimConfig.parseMix("s19xp:1,m50s:1"),
        SimConfig.DEFAULT_FIRMWARE_MIX, 0, 9, "0.0.0.0", 0, ModelCatalog.bundled());
    String store = dir.resolve("fleet.duckdb").toString();
    try (SimFleet sim = SimFleet.start(config)) {
      String port = Integer.toString(sim.port());
      Path plan = dir.resolve("plan.csv");
      Files.writeString(plan, "# test plan\n127.57.0.0/24, odessa, R{c}, {d}\n");
      assertThat(CliRun.of("scan", "127.57.0.0/26", "--port", port, "--register", "--plan", plan.toString(), "--store", store).exitCode()).isZero();

      // The site's inventory moves two machines to another rack.
      Path csv = dir.resolve("inventory.csv");
      Files.writeString(csv, "address,site,rack,position\n127.57.0.1:" + port + ",dallas,A7,12\n127.57.0.2:" + port + ",dallas,A7,13\n");
      CliRun imported = CliRun.of("import", csv.toString(), "--store", store);
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("2 miners");

      sim.inject("127.57.0.5", Fault.DEAD_BOARD);
      CliRun up = CliRun.of("up", "--interval", "1s", "--duration", "3s", "--status-every", "1s", "--live-port", "0", "--store", store);
      assertThat(up.exitCode()).as(up.err()).isZero();
      assertThat(up.out()).contains("polling 40 miners");

      List<JsonNode> dallas = lines(CliRun.of("miners", "--site", "dallas", "--json", "--live-port", "0", "--store", store).out());
      assertThat(dallas).extracting(n -> n.get("address").asText()).containsExactly("127.57.0.1", "127.57.0.2");
      assertThat(dallas).allSatisfy(n -> {
        assertThat(n.get("rack").asText()).isEqualTo("A7");
        assertThat(n.get("health").asText()).isEqualTo("ok");
        assertThat(n.get("hashrate_avg_ths").asDouble()).isGreaterThan(100);
        assertThat(n.get("fans_rpm")).as("every fan, from the store").hasSizeGreaterThanOrEqualTo(2);
      });
      List<JsonNode> dead = lines(CliRun.of("miners", "--health", "dead_board", "--json", "--live-port", "0", "--store", store).out());
      assertThat(dead).singleElement().satisfies(n -> {
        assertThat(n.get("address").asText()).isEqualTo("127.57.0.5");
        assertThat(n.get("boards_alive").asInt()).isEqualTo(2);
        assertThat(n.get("site").asText()).isEqualTo("odessa");
      });

      JsonNode status = JSON.readTree(CliRun.of("status", "--json", "--live-port", "0", "--store", store).out());
      assertThat(status.get("registered").asInt()).isEqualTo(40);
      assertThat(status.get("by_state").get("ok").asInt()).isEqualTo(39);
      assertThat(status.get("by_state").get("dead_board").asInt()).isEqualTo(1);
      assertThat(status.get("hashrate_ths").asDouble()).isBetween(39 * 120.0, 40 * 145.0);
      List<JsonNode> history = lines(CliRun.of("history", "--since", "5m", "--bucket", "1m", "--json", "--store", store).out());
      assertThat(history).isNotEmpty();
      assertThat(history).anySatisfy(p -> assertThat(p.get("miners_reporting").asInt()).isEqualTo(40));
      CliRun chart = CliRun.of("history", "--scope", "site:dallas", "--since", "5m", "--store", store);
      assertThat(chart.out()).contains("site:dallas hashrate", "█", "uptime: 100.00%");
      // the dead board and the low hashrate it causes are two alerts
      assertThat(status.get("open_alerts").asInt()).isEqualTo(2);
    }
  }

  @Test
  void a_bad_inventory_names_every_bad_line_and_imports_nothing(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "address,site,rack,position\n10.0.0.1,dallas,A1,1\n10.0.0.x,dallas,A1,2\n10.0.0.3,dallas,A1,three\n10.0.0.1,dallas,A1,4\n");
    String store = dir.resolve("fleet.duckdb").toString();
    CliRun run = CliRun.of("import", csv.toString(), "--store", store);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv:3", "bad.csv:4", "three", "bad.csv:5", "already listed on line 2", "nothing imported");
    assertThat(JSON.readTree(CliRun.of("status", "--json", "--live-port", "0", "--store", store).out()).get("registered").asInt()).isZero();
  }

  @Test
  void up_without_miners_explains_what_to_do(@TempDir Path dir) {
    CliRun run = CliRun.of("up", "--duration", "1s", "--live-port", "0", "--store", dir.resolve("empty.duckdb").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no miners registered", "hashfleet scan RANGE --register");
  }
}
