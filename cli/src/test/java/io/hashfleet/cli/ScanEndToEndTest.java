package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hashfleet sim` then `hashfleet scan`: the scan finds exactly the simulated miners, rightly named. */
class ScanEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scan_finds_every_simulated_miner_with_make_model_firmware_and_hashrate_within_one_percent(@TempDir Path dir) throws Exception {
    SimConfig config = new SimConfig(400, Cidr.parse("127.55.0.0/22"),
        SimConfig.parseMix("s19xp:25,s21:15,s19jpro:10,s21pro:5,m50s:15,m60s:10,m30s:5,a1366:15"),
        SimConfig.parseMix("stock:60,braiins:20,luxos:20"), 0, 42, "0.0.0.0", 0, ModelCatalog.bundled());
    try (SimFleet sim = SimFleet.start(config)) {
      CliRun run = CliRun.of("scan", "127.55.0.0/22", "--port", Integer.toString(sim.port()), "--json",
          "--register", "--site", "dallas", "--store", dir.resolve("fleet.duckdb").toString());
      assertThat(run.exitCode()).as(run.err()).isZero();

      Map<String, JsonNode> found = new HashMap<>();
      for (String line : run.out().split("\n")) {
        if (line.isBlank()) continue;
        JsonNode n = JSON.readTree(line);
        found.put(n.get("address").asText(), n);
      }
      assertThat(found).hasSize(sim.size());
      Map<String, Integer> dialects = new HashMap<>();
      for (VirtualMinerView v : sim.miners()) {
        JsonNode n = found.get(v.ip());
        assertThat(n).as(v.ip()).isNotNull();
        assertThat(n.get("make").asText()).as(v.ip()).isEqualTo(v.make().label());
        assertThat(n.get("model_id").asText()).as(v.ip() + " " + v.modelName()).isEqualTo(v.modelId());
        assertThat(n.get("firmware").asText()).as(v.ip()).contains(v.firmwareVersion());
        assertThat(n.get("dialect").asText()).as(v.ip()).isEqualTo(v.dialect().label());
        assertThat(n.get("hashrate_avg_ths").asDouble()).as(v.ip()).isCloseTo(v.avgThs(), within(v.avgThs() * 0.01));
        assertThat(n.get("health").asText()).as(v.ip() + " " + n.get("detail")).isEqualTo("ok");
        assertThat(n.get("site").asText()).isEqualTo("dallas");
        dialects.merge(v.dialect().label(), 1, Integer::sum);
      }
      assertThat(dialects).as("every dialect took part").hasSize(5);
      assertThat(run.err()).contains("registered 400 miners");
    }
  }

  @Test
  void a_malformed_range_is_refused_with_a_clear_message() {
    CliRun run = CliRun.of("scan", "10.1.0.0/33");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("malformed CIDR '10.1.0.0/33'");
  }
}
