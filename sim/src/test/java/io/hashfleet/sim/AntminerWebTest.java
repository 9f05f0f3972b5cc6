package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stock Antminer web configuration on the fleet's second port, spoken over a plain socket. */
class AntminerWebTest {
  private static final String CONF = "/cgi-bin/get_miner_conf.cgi";
  private static final String SET = "/cgi-bin/set_miner_conf.cgi";
  private SimFleet fleet;

  @BeforeEach
  void start() {
    fleet = SimFleet.start(new SimConfig(6, Cidr.parse("127.0.32.0/24"), SimConfig.parseMix("s19xp:1"), SimConfig.parseMix("stock:1"),
        0, 3, "0.0.0.0", 0, ModelCatalog.bundled()));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  record Answer(int status, String head, String body) {}

  private Answer http(String ip, String method, String path, String auth, String body, int timeoutMs) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, fleet.httpPort()), timeoutMs);
      s.setSoTimeout(timeoutMs);
      byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String req = method + " " + path + " HTTP/1.1\r\nHost: " + ip + "\r\n" + (auth == null ? "" : "Authorization: " + auth + "\r\n")
          + "Content-Length: " + b.length + "\r\n\r\n";
      s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().write(b);
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      return new Answer(Integer.parseInt(all.substring(9, 12)), all.substring(0, split), all.substring(split + 4));
    }
  }

  /** Asks without credentials, then answers the challenge as RFC 2617 says. */
  private Answer authed(String ip, String method, String path, String password, String body) throws IOException {
    Answer challenge = http(ip, method, path, null, body, 3000);
    assertThat(challenge.status()).isEqualTo(401);
    String www = challenge.head().lines().filter(l -> l.startsWith("WWW-Authenticate: Digest ")).findFirst().orElseThrow();
    Map<String, String> p = WebDigest.params(www.substring("WWW-Authenticate: Digest ".length()));
    String ha1 = WebDigest.md5Hex("root:" + p.get("realm") + ":" + password);
    String ha2 = WebDigest.md5Hex(method + ":" + path);
    String response = WebDigest.md5Hex(ha1 + ":" + p.get("nonce") + ":00000001:abcdef:auth:" + ha2);
    String auth = "Digest username=\"root\", realm=\"" + p.get("realm") + "\", nonce=\"" + p.get("nonce") + "\", uri=\"" + path
        + "\", qop=auth, nc=00000001, cnonce=\"abcdef\", response=\"" + response + "\"";
    return http(ip, method, path, auth, body, 3000);
  }

  @Test
  void withoutCredentials_theMinerChallengesWithDigestInItsRealm() throws Exception {
    Answer a = http(fleet.miners().get(0).ip(), "GET", CONF, null, null, 3000);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.head()).contains("realm=\"antMiner Configuration\"").contains("qop=\"auth\"").contains("Connection: close");
  }

  @Test
  void configReportsTheModeAsAString_andAnIntegerMinerModeSleepsTheMiner() throws Exception {
    String ip = fleet.miners().get(1).ip();
    JsonNode conf = Wire.JSON.readTree(authed(ip, "GET", CONF, "root", null).body());
    assertThat(conf.get("bitmain-work-mode").asText()).isEqualTo("0");
    assertThat(conf.get("pools")).hasSize(3);
    Answer set = authed(ip, "POST", SET, "root", "{\"miner-mode\":1,\"pools\":[]}");
    assertThat(Wire.JSON.readTree(set.body()).get("code").asText()).isEqualTo("M000");
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.WINDING_DOWN);
    assertThat(Wire.JSON.readTree(authed(ip, "GET", CONF, "root", null).body()).get("bitmain-work-mode").asText()).isEqualTo("1");
  }

  @Test
  void theFirmwareSaysOkToWhatItIgnores() throws Exception {
    String ip = fleet.miners().get(2).ip();
    Answer set = authed(ip, "POST", SET, "root", "{\"bitmain-work-mode\":\"1\",\"miner-mode\":\"1\"}");
    assertThat(Wire.JSON.readTree(set.body()).get("stats").asText()).isEqualTo("success");
    assertThat(fleet.at(ip).orElseThrow().powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void wrongPassword_isChallengedAgain() throws Exception {
    String ip = fleet.miners().get(3).ip();
    assertThat(authed(ip, "GET", CONF, "admin", null).status()).isEqualTo(401);
    assertThat(authed(ip, "GET", CONF, "root", null).status()).isEqualTo(200);
  }

  @Test
  void hungMiner_neverAnswersOnTheWebPortEither() {
    String ip = fleet.miners().get(4).ip();
    fleet.inject(ip, Fault.HUNG);
    assertThatThrownBy(() -> http(ip, "GET", CONF, null, null, 300)).isInstanceOf(SocketTimeoutException.class);
  }
}
