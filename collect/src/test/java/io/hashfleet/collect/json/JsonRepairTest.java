package io.hashfleet.collect.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.driver.Fixtures;
import org.junit.jupiter.api.Test;

class JsonRepairTest {

  @Test
  void aCleanReply_isPassedOnWithoutACopy() throws Exception {
    String clean = Fixtures.reply("whatsminer/summary.json");
    assertThat(JsonRepair.repair(clean, "test")).isSameAs(clean);
  }

  @Test
  void trailingNulsAndWhitespace_areCutOffWithoutOtherEdits() throws Exception {
    assertThat(JsonRepair.repair("{\"a\":1}\n\0", "test")).isEqualTo("{\"a\":1}");
  }

  @Test
  void editsLandWhereTheFaultsAre_andTheTextBetweenIsKept() throws Exception {
    assertThat(JsonRepair.repair("\uFEFF{\"S\":[,{\"x\":nan}{\"y\":\"a\0b\"}],\"z\":-inf}\0", "test"))
        .isEqualTo("{\"S\":[{\"x\":NaN},{\"y\":\"ab\"}],\"z\":-Infinity}");
    assertThat(JsonRepair.repair("{\"a\":1}{\"b\":2}", "test")).isEqualTo("[{\"a\":1},{\"b\":2}]");
    assertThat(JsonRepair.repair(",\"id\":1}", "test")).isEqualTo("{\"id\":1}");
  }

  @Test
  void escapedQuotesAndBackslashes_doNotEndAString() throws Exception {
    String s = "{\"m\":\"say \\\"}{\\\" \\\\\",\"n\":1}";
    assertThat(JsonRepair.repair(s, "test")).isSameAs(s);
  }

  @Test
  void backslashesAndNulsInSeveralStrings_areEachSeenWhereTheyAre() throws Exception {
    // escapes and NULs spread over strings, some inside and some outside them, with run-together objects between
    String s = "{\"a\":\"x\\\"\0y\",\"b\":\"\\\\\"}{\"c\":\"q\0\0r\\n\"}\0{\"d\":\"\\\"}\"}";
    assertThat(JsonRepair.repair(s, "test"))
        .isEqualTo("[{\"a\":\"x\\\"y\",\"b\":\"\\\\\"},{\"c\":\"qr\\n\"},{\"d\":\"\\\"}\"}]");
  }

  @Test
  void aTrailingCommaBeforeACloser_isReadEvenAcrossWhitespace() throws Exception {
    JsonNode n = RelaxedJson.parse("{\"S\":[{\"x\":1,\n }\n,\n],\"id\":1 ,\n}");
    assertThat(n.path("S")).hasSize(1);
    assertThat(n.path("id").asInt()).isEqualTo(1);
  }

  @Test
  void everyFixture_readsTheSameWithOrWithoutItsTrailingNul() throws Exception {
    for (String f : new String[] {"bitmain/s19xp-summary+pools+stats.json", "avalon/summary+pools+stats.json",
        "braiins/summary+pools+devs+devdetails+temps+fans+tunerstatus.json", "luxos/summary+pools+stats+power+fans.json"}) {
      assertThat(RelaxedJson.parse(Fixtures.raw(f))).as(f).isEqualTo(RelaxedJson.parse(Fixtures.reply(f)));
    }
  }
}
