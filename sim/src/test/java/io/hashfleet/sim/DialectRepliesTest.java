package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.ModelCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialectRepliesTest {
  private static SimFleet fleet(String models, String firmware) {
    return SimFleet.start(new SimConfig(8, Cidr.parse("127.0.9.0/24"), SimConfig.parseMix(models), SimConfig.parseMix(firmware),
        0, 7, "0.0.0.0", 0, ModelCatalog.bundled()));
  }

  @Test
  void stockAntminer_answersJoinedRequestWithOneEnvelopePerCommand_andEndsWithNul() throws Exception {
    try (SimFleet f = fleet("s19xp:1", "stock:1")) {
      VirtualMinerView m = f.miners().stream().filter(v -> !refusesJoin(f, v)).findFirst().orElseThrow();
      String raw = Wire.text(m.ip(), f.port(), "{\"command\":\"summary+pools+stats\"}");
      assertThat(raw).endsWith("\0").contains("\"Pool Stale%%\"").contains("\"chain_rate4\":\"\"");
      // bmminer runs its STATS objects together with no comma, and pollers must cope
      assertThat(raw).contains("\"Type\":\"Antminer S19 XP\"}{\"STATS\":0");
      JsonNode n = Wire.relaxed(raw);
      assertThat(n.get("id").asInt()).isEqualTo(1);
      JsonNode summary = n.get("summary").get(0);
      assertThat(summary.at("/STATUS/0/Code").asInt()).isEqualTo(11);
      assertThat(summary.at("/SUMMARY/0/GHS 5s").isTextual()).isTrue();
      assertThat(summary.at("/SUMMARY/0/GHS av").asDouble() / 1000).isCloseTo(m.avgThs(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(n.at("/stats/0/STATS/0/Type").asText()).isEqualTo("Antminer S19 XP");
      assertThat(n.at("/stats/0/STATS/1/chain_acn1").asInt()).isEqualTo(110);
      assertThat(n.at("/pools/0/POOLS/0/URL").asText()).isEqualTo("stratum+tcp://pool.example.com:3333");
    }
  }

  @Test
  void stockS19_runsStatsObjectsTogether_onEveryUnit_butS21AndOtherFirmwareDoNot() throws Exception {
    try (SimFleet f = fleet("s19xp:1,s19jpro:1", "stock:1")) {
      for (VirtualMinerView m : f.miners()) {
        String raw = Wire.text(m.ip(), f.port(), "{\"command\":\"stats\"}");
        assertThat(raw).as(m.toString()).contains("}{\"STATS\":0,");
        assertThat(Wire.relaxed(raw).at("/STATS/1/ID").asText()).isEqualTo("BTM_SOC0");
      }
    }
    try (SimFleet f = fleet("s21:1", "stock:1")) {
      assertThat(Wire.text(f.miners().get(0).ip(), f.port(), "{\"command\":\"stats\"}")).doesNotContain("}{");
    }
    try (SimFleet f = fleet("s19xp:1", "luxos:1")) {
      assertThat(Wire.text(f.miners().get(0).ip(), f.port(), "{\"command\":\"stats\"}")).doesNotContain("}{");
    }
  }

  private static boolean refusesJoin(SimFleet f, VirtualMinerView v) {
    return Rng.unit(f.config().seed(), v.index(), 12) < 0.1;
  }

  @Test
  void s21_answersNewApiStatsWithChainArray() throws Exception {
    try (SimFleet f = fleet("s21:1", "stock:1")) {
      VirtualMinerView m = f.miners().get(0);
      JsonNode n = Wire.json(m.ip(), f.port(), "{\"command\":\"stats\",\"new_api\":true}");
      assertThat(n.at("/STATUS/STATUS").asText()).isEqualTo("S");
      assertThat(n.at("/INFO/type").asText()).isEqualTo("Antminer S21");
      JsonNode chains = n.at("/STATS/0/chain");
      assertThat(chains).hasSize(3);
      double sum = 0;
      for (JsonNode c : chains) sum += c.get("rate_real").asDouble();
      assertThat(sum).isCloseTo(n.at("/STATS/0/rate_5s").asDouble(), org.assertj.core.data.Offset.offset(1.0));
      assertThat(chains.get(0).get("asic_num").asInt()).isEqualTo(108);
    }
  }

  @Test
  void braiins_reportsMhsAndPowerAndBitmainModelName() throws Exception {
    try (SimFleet f = fleet("s19jpro:1", "braiins:1")) {
      VirtualMinerView m = f.miners().get(0);
      assertThat(m.dialect()).isEqualTo(Dialect.BRAIINS_OS);
      JsonNode n = Wire.json(m.ip(), f.port(), "{\"command\":\"summary+devdetails+tunerstatus+fans+temps\"}");
      assertThat(n.at("/summary/0/SUMMARY/0/MHS av").asDouble() / 1e6).isCloseTo(m.avgThs(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(n.at("/devdetails/0/DEVDETAILS/0/Model").asText()).isEqualTo("Bitmain S19j Pro").isEqualTo(m.modelName());
      assertThat(n.at("/tunerstatus/0/TUNERSTATUS/0/ApproximateMinerPowerConsumption").asInt()).isBetween(2700, 3400);
      assertThat(n.at("/fans/0/FANS")).hasSize(4);
    }
  }

  @Test
  void luxos_answersVersionPowerAndFans() throws Exception {
    try (SimFleet f = fleet("s19xp:1", "luxos:1")) {
      VirtualMinerView m = f.miners().get(0);
      JsonNode n = Wire.json(m.ip(), f.port(), "{\"command\":\"version+power+fans\"}");
      assertThat(n.at("/version/0/VERSION/0/Type").asText()).isEqualTo("Antminer S19 XP");
      assertThat(n.at("/version/0/STATUS/0/Description").asText()).startsWith("LUXminer ");
      assertThat(n.at("/power/0/POWER/0/Watts").asInt()).isBetween(2700, 3300);
    }
  }

  @Test
  void whatsminer_speaksBtminer_withOwnStatusFormatAndNoNul() throws Exception {
    try (SimFleet f = fleet("m50s:1", "stock:1")) {
      VirtualMinerView m = f.miners().get(0);
      assertThat(m.dialect()).isEqualTo(Dialect.WHATSMINER);
      String raw = Wire.text(m.ip(), f.port(), "{\"cmd\":\"get_version\"}");
      assertThat(raw).doesNotEndWith("\0");
      JsonNode v = Wire.JSON.readTree(raw);
      assertThat(v.get("Code").asInt()).isEqualTo(131);
      assertThat(v.at("/Msg/fw_ver").asText()).isEqualTo(m.firmwareVersion());
      JsonNode s = Wire.json(m.ip(), f.port(), "{\"command\":\"summary\"}");
      assertThat(s.at("/SUMMARY/0/MHS av").asDouble() / 1e6).isCloseTo(m.avgThs(), org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(s.at("/SUMMARY/0/Power").asInt()).isPositive();
      assertThat(Wire.json(m.ip(), f.port(), "{\"command\":\"devdetails\"}").at("/DEVDETAILS/0/Model").asText()).isEqualTo("M50S.VH20");
      assertThat(Wire.json(m.ip(), f.port(), "{\"cmd\":\"nonsense\"}").get("Code").asInt()).isEqualTo(14);
    }
  }

  @Test
  void avalon_packsBoardDetailIntoMmIdString() throws Exception {
    try (SimFleet f = fleet("a1366:1", "stock:1")) {
      VirtualMinerView m = f.miners().get(0);
      JsonNode n = Wire.json(m.ip(), f.port(), "{\"command\":\"version+stats\"}");
      assertThat(n.at("/version/0/VERSION/0/PROD").asText()).isEqualTo("AvalonMiner 1366");
      assertThat(n.at("/stats/0/STATS/0/MM ID0").asText()).contains("GHSavg[").contains("MTmax[");
    }
  }

  @Test
  void avalon_sendsBareNanAndInf_andOneChipTemperaturePerChip() throws Exception {
    try (SimFleet f = fleet("a1366:1", "stock:1")) {
      VirtualMinerView m = f.miners().get(0);
      String raw = Wire.text(m.ip(), f.port(), "{\"command\":\"summary+pools+stats\"}");
      assertThat(raw).contains("\"Pool Av\":nan,").contains("\"Max Diff\":inf,").endsWith("\0");
      JsonNode n = Wire.relaxed(raw);
      assertThat(n.at("/stats/0/STATS/1/Pool Av").asDouble()).isNaN();
      String mm = n.at("/stats/0/STATS/0/MM ID0").asText();
      for (int b = 0; b < 3; b++) {
        int open = mm.indexOf("PVT_T" + b + "[");
        assertThat(open).as("PVT_T" + b).isPositive();
        String[] temps = mm.substring(open + 7, mm.indexOf(']', open)).trim().split(" +");
        assertThat(temps).hasSize(120).allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(30, 110));
      }
      assertThat(mm).contains("PVT_T0[ ").doesNotContain("PVT_T3[");
    }
  }

  @Test
  void whatsminer_refusesVersion_namingItselfAsRealBtminerDoes() throws Exception {
    try (SimFleet f = fleet("m50s:1", "stock:1")) {
      String ip = f.miners().get(0).ip();
      JsonNode v = Wire.json(ip, f.port(), "{\"command\":\"version\"}");
      assertThat(v.get("STATUS").asText()).isEqualTo("E");
      assertThat(v.get("Code").asInt()).isEqualTo(14);
      assertThat(v.get("Msg").asText()).isEqualTo("invalid cmd");
      assertThat(v.get("Description").asText()).isEqualTo("whatsminer v1.1");
      assertThat(Wire.json(ip, f.port(), "{\"cmd\":\"nonsense\"}").get("Description").asText()).isEmpty();
    }
  }

  @Test
  void requestParsing_readsFlatJsonPlainTextAndFallsBackForTheRest() {
    Request r = parse(" {\"command\" : \"Summary+POOLS\", \"parameter\":\"0\",\"new_api\":true}\0\n");
    assertThat(r.commands()).containsExactly("summary", "pools");
    assertThat(r.parameter()).isEqualTo("0");
    assertThat(r.json()).isTrue();
    assertThat(r.newApi()).isTrue();
    assertThat(parse("{\"cmd\":\"get_version\"}").commands()).containsExactly("get_version");
    assertThat(parse("{\"command\":\"pools\",\"parameter\":3}").parameter()).isEqualTo("3");
    // escapes and nested values go through the general parser
    assertThat(parse("{\"command\":\"su\\u006dmary\",\"x\":{\"y\":[1]}}").commands()).containsExactly("summary");
    assertThat(parse("{\"command\":").commands()).containsExactly("");
    Request text = parse("pools|0");
    assertThat(text.json()).isFalse();
    assertThat(text.commands()).containsExactly("pools");
    assertThat(text.parameter()).isEqualTo("0");
  }

  private static Request parse(String request) {
    byte[] b = request.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Request.parse(b, b.length);
  }

  @Test
  void unknownCommand_getsCgminerInvalidCommandEnvelope() throws Exception {
    try (SimFleet f = fleet("s19xp:1", "stock:1")) {
      JsonNode n = Wire.json(f.miners().get(0).ip(), f.port(), "{\"command\":\"frobnicate\"}");
      assertThat(n.at("/STATUS/0/STATUS").asText()).isEqualTo("E");
      assertThat(n.at("/STATUS/0/Code").asInt()).isEqualTo(14);
      assertThat(n.at("/STATUS/0/Msg").asText()).isEqualTo("Invalid command");
    }
  }

  @Test
  void plainTextRequest_getsCgminerTextReply() throws Exception {
    try (SimFleet f = fleet("s19xp:1", "stock:1")) {
      String t = Wire.text(f.miners().get(0).ip(), f.port(), "summary");
      assertThat(t).startsWith("STATUS=S,When=").contains("|SUMMARY,Elapsed=").contains("GHS av=");
    }
  }

  @Test
  void everyModelAndFirmware_repliesWithParseableJson() throws Exception {
    Map<String, Integer> all = SimConfig.parseMix("s19,s19pro,s19jpro,s19xp,s21,s21pro,s21xp,m30s,m50s,m60s,a1366");
    try (SimFleet f = SimFleet.start(new SimConfig(60, Cidr.parse("127.0.10.0/24"), all, SimConfig.DEFAULT_FIRMWARE_MIX, 0, 3, "0.0.0.0", 0, null))) {
      for (VirtualMinerView m : f.miners()) {
        JsonNode n = Wire.json(m.ip(), f.port(), "{\"command\":\"summary\"}");
        assertThat(n.at("/STATUS/0/STATUS").asText()).as(m.toString()).isEqualTo("S");
      }
    }
  }
}
