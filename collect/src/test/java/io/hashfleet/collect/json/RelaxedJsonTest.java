package io.hashfleet.collect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.driver.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RelaxedJsonTest {

  @Test
  void trailingNuls_areIgnored() throws Exception {
    assertThat(RelaxedJson.parse("{\"a\":1}\0\0").path("a").asInt()).isEqualTo(1);
  }

  @Test
  void runTogetherObjects_getTheirCommaAndNoObjectIsLost() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"STATS\":[{\"Type\":\"Antminer S19 XP\"}{\"STATS\":0,\"fan1\":5520}],\"id\":1}");
    assertThat(n.path("STATS")).hasSize(2);
    assertThat(n.path("STATS").path(1).path("fan1").asInt()).isEqualTo(5520);
  }

  @Test
  void runTogetherTopLevelObjects_areAllKept() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"a\":1}{\"b\":2}");
    assertThat(n.isArray()).isTrue();
    assertThat(n).hasSize(2);
  }

  @Test
  void strayCommas_beforeClosersAndAfterOpeners_areDropped() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"S\":[,{\"x\":1,}],\"id\":1,}");
    assertThat(n.path("S")).hasSize(1);
    assertThat(n.path("S").path(0).path("x").asInt()).isEqualTo(1);
  }

  @Test
  void btminersMissingCommaBeforeTemp0_isInserted() throws Exception {
    JsonNode n = RelaxedJson.parse(Fixtures.reply("broken/btminer-temp0-missing-comma.json"));
    JsonNode dev = n.path("DEVS").path(0);
    assertThat(dev.path("PCB SN").asText()).isEqualTo("HEM3X10K340510");
    assertThat(dev.path("temp0").asDouble()).isEqualTo(71.5);
    assertThat(dev.path("Effective Chips").asInt()).isEqualTo(129);
  }

  @Test
  void bareNanAndInf_becomeNonFiniteNumbers() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"a\":nan,\"b\":-nan,\"c\":inf,\"d\":-inf,\"e\":NaN,\"f\":\"nan in a string\"}");
    assertThat(n.path("a").asDouble()).isNaN();
    assertThat(n.path("b").asDouble()).isNaN();
    assertThat(n.path("c").asDouble()).isInfinite();
    assertThat(n.path("d").asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(n.path("e").asDouble()).isNaN();
    assertThat(n.path("f").asText()).isEqualTo("nan in a string");
  }

  @Test
  void aLeadingComma_isTreatedAsALostOpeningBrace() throws Exception {
    JsonNode n = RelaxedJson.parse(Fixtures.reply("broken/avalon-leading-comma.json"));
    assertThat(n.path("VERSION").path(0).path("PROD").asText()).isEqualTo("AvalonMiner 1366");
  }

  @Test
  void rawNewlines_inAndBetweenValues_areAccepted() throws Exception {
    JsonNode n = RelaxedJson.parse(Fixtures.reply("broken/bmminer-array-comma-newlines.json"));
    assertThat(n.path("POOLS").path(0).path("User").asText()).isEqualTo("hashfleet.s19xp01");
    assertThat(RelaxedJson.parse("{\"m\":\"line1\nline2\"}").path("m").asText()).isEqualTo("line1\nline2");
  }

  @Test
  void duplicateKeys_keepTheLastValue() throws Exception {
    assertThat(RelaxedJson.parse("{\"a\":1,\"a\":2}").path("a").asInt()).isEqualTo(2);
  }

  @Test
  void doubledPercentKeysAndStringNumbers_passThrough() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"Pool Stale%%\":0.5,\"Diff\":\"32.8K\",\"chain_rate1\":\"\"}");
    assertThat(Values.num(n, "Pool Stale%%")).isEqualTo(0.5);
    assertThat(Values.num(n, "Diff")).isEqualTo(32800.0);
    assertThat(Values.num(n, "chain_rate1")).isNaN();
    assertThat(Values.maxOf("55-53-68-69", '-')).isEqualTo(69.0);
    assertThat(Values.maxOf("0-0-0-0", '-')).isNaN();
  }

  @Test
  void aTruncatedReply_isRejectedWithAnExcerpt() {
    assertThatThrownBy(() -> RelaxedJson.parse(Fixtures.raw("broken/s19xp-truncated.json"), "10.0.0.9:4028"))
        .isInstanceOf(ReplyFormatException.class)
        .hasMessageStartingWith("10.0.0.9:4028: truncated reply");
  }

  @Test
  void nonJsonPeers_areRejectedWithTheirTextInTheMessage() {
    assertThatThrownBy(() -> RelaxedJson.parse(Fixtures.raw("broken/http-response.txt"), "10.0.0.9:4028"))
        .isInstanceOf(ReplyFormatException.class)
        .hasMessageContaining("10.0.0.9:4028")
        .hasMessageContaining("HTTP/1.1 400");
    assertThatThrownBy(() -> RelaxedJson.parse("")).isInstanceOf(ReplyFormatException.class);
    assertThatThrownBy(() -> RelaxedJson.parse("\0")).isInstanceOf(ReplyFormatException.class);
  }

  @Test
  void invalidUtf8_decodedWithReplacement_doesNotCrash() throws Exception {
    byte[] bytes = "{\"User\":\"w\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    bytes[10] = (byte) 0xC3; // a lead byte with no continuation
    bytes[11] = (byte) 0x28;
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    assertThat(RelaxedJson.parse(decoded).path("User").asText()).contains("\uFFFD");
  }

  @Test
  void absurdNesting_isRejectedNotRecursedInto() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> RelaxedJson.parse(deep)).isInstanceOf(ReplyFormatException.class);
  }
}
