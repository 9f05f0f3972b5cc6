package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FirmwareStatusTest {
  @Test
  void requestsAreJsonWhateverTheParameterHoldsAndOmitAMissingParameter() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String hostile = "ab\",\"command\":\"reboot\\\n\u0001é";
    JsonNode r = json.readTree(FirmwareStatus.request("curtail", hostile + ",sleep"));
    assertThat(r.path("command").asText()).isEqualTo("curtail");
    assertThat(r.path("parameter").asText()).isEqualTo(hostile + ",sleep");
    assertThat(r.size()).isEqualTo(2);
    assertThat(FirmwareStatus.request("logon", null)).isEqualTo("{\"command\":\"logon\"}");
  }
}
