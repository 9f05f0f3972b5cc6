package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BtminerWritesTest {
  private SimFleet fleet;

  @BeforeEach
  void start() {
    fleet = SimFleet.start(new SimConfig(3, Cidr.parse("127.0.31.0/24"), SimConfig.parseMix("m50s:1"), SimConfig.parseMix("stock:1"),
        0, 3, "0.0.0.0", 0, ModelCatalog.bundled()));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  /** Vectors printed by {@code openssl passwd -1 -salt SALT PASSWORD}. */
  @ParameterizedTest
  @CsvSource({"admin, BQ5hoXV9, RxmaDUO33TS7O26yeMHZ81", "password, saltstring, qQY4WxjABChYG1ccLpfkz/",
      "e1Y.1kq5dG0wXZ2eA8d4b19080, Rmzi0u9e, k2uxINuehK1ix4PzNwSdy."})
  void md5Crypt_matchesOpenssl(String password, String salt, String hash) {
    assertThat(BtminerCrypto.md5CryptHash(password, salt)).isEqualTo(hash);
  }

  private JsonNode send(String ip, String password, String command) throws Exception {
    JsonNode token = Wire.json(ip, fleet.port(), "{\"cmd\":\"get_token\"}");
    assertThat(token.get("Code").asInt()).isEqualTo(134);
    String key = BtminerCrypto.key(password, token.at("/Msg/salt").asText());
    String sign = BtminerCrypto.sign(key, token.at("/Msg/time").asText(), token.at("/Msg/newsalt").asText());
    String data = BtminerCrypto.encrypt(key, command.replace("SIGN", sign));
    JsonNode reply = Wire.json(ip, fleet.port(), "{\"enc\":1,\"data\":\"" + data + "\"}");
    return reply.has("enc") ? Wire.JSON.readTree(BtminerCrypto.decrypt(key, reply.get("enc").asText())) : reply;
  }

  @Test
  void powerOff_withTheAdminPassword_isAnsweredEncrypted_andTheMinerSleeps() throws Exception {
    String ip = fleet.miners().get(0).ip();
    JsonNode r = send(ip, "admin", "{\"cmd\":\"power_off\",\"respbefore\":\"true\",\"token\":\"SIGN\"}");
    assertThat(r.get("Code").asInt()).isEqualTo(131);
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.WINDING_DOWN);
    assertThat(Wire.json(ip, fleet.port(), "{\"cmd\":\"status\"}").at("/Msg/btmineroff").asText()).isEqualTo("true");
    assertThat(send(ip, "admin", "{\"cmd\":\"power_on\",\"token\":\"SIGN\"}").get("Code").asInt()).isEqualTo(131);
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.BOOTING);
  }

  @Test
  void wrongPassword_decryptsToNoise_andIsRefusedInPlainText() throws Exception {
    String ip = fleet.miners().get(1).ip();
    JsonNode r = send(ip, "hunter2", "{\"cmd\":\"power_off\",\"token\":\"SIGN\"}");
    assertThat(r.get("STATUS").asText()).isEqualTo("E");
    assertThat(r.get("Code").asInt()).isEqualTo(23);
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void aSignTheMinerNeverIssued_isRefused() throws Exception {
    String ip = fleet.miners().get(2).ip();
    JsonNode r = send(ip, "admin", "{\"cmd\":\"power_off\",\"token\":\"forged\"}");
    assertThat(r.get("Code").asInt()).isEqualTo(135);
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
  }
}
