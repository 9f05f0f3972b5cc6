package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoneyCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void productionExpected_december2024_matchesTheReportedFigureWithin2Percent() throws Exception {
    CliRun r = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--from", "2024-12-01", "--to", "2025-01-01",
        "--fee-btc-per-block", "0.05", "--json", "--store", dir.resolve("none.duckdb").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("btc").asDouble()).isCloseTo(569.9, within(569.9 * 0.02));
    assertThat(j.path("days").asDouble()).isEqualTo(31.0);
    assertThat(j.path("blocks_expected").asDouble()).isBetween(170.0, 190.0);
    assertThat(j.path("difficulty_harmonic_mean").asDouble()).isBetween(100e12, 112e12);
    assertThat(j.path("fee_basis").asText()).isEqualTo("fees 0.05 BTC per block (configured)");
    assertThat(j.path("per_day")).hasSize(31);
    assertThat(dir.resolve("none.duckdb")).doesNotExist(); // a constant-rate question creates no store
  }

  @Test
  void laterMonthsReadAnImportedCsvOfEpochs() throws Exception {
    Path csv = dir.resolve("epochs.csv");
    Files.writeString(csv, "height,time,difficulty\n880992,2025-01-27T10:00:00Z,110451907374649\n883008,2025-02-09T00:00:00Z,114166666768738\n");
    String store = dir.resolve("s.duckdb").toString();
    CliRun imported = CliRun.of("chain", "import", csv.toString(), "--store", store);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("2 epochs read, 2 new");

    CliRun feb = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--month", "2025-02", "--json", "--store", store);
    JsonNode j = JSON.readTree(feb.out());
    JsonNode feb10 = j.path("per_day").get(9);
    assertThat(feb10.path("day").asText()).isEqualTo("2025-02-10");
    assertThat(feb10.path("difficulty").asLong()).isEqualTo(114166666768738L);
    assertThat(j.path("notes").toString()).contains("chain data ends with the epoch from block 883008");

    // the same through --chain-data, without a store
    CliRun direct = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--month", "2025-02", "--json", "--chain-data", csv.toString(),
        "--store", dir.resolve("none.duckdb").toString());
    assertThat(JSON.readTree(direct.out()).path("btc")).isEqualTo(j.path("btc"));
  }

  @Test
  void aBadChainCsvRowNamesItsLineAndImportsNothing() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "height,time,difficulty\n880992,2025-01-27T10:00:00Z,110451907374649\n883008,2025-02-31,114166666768738\n");
    String store = dir.resolve("s.duckdb").toString();
    CliRun r = CliRun.of("chain", "import", csv.toString(), "--store", store);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("hashfleet chain import:").contains("bad.csv:3: bad time '2025-02-31'");
    CliRun show = CliRun.of("chain", "show", "--last", "1", "--json", "--store", store);
    assertThat(show.out()).contains("\"height\":878976").contains("bundled");
  }
}
