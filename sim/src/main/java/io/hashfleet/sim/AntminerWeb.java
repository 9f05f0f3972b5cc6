package io.hashfleet.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.domain.Dialect;
import java.util.List;

/**
 * The web configuration of Bitmain stock firmware, behind HTTP Digest auth (realm
 * {@code antMiner Configuration}, user root, password root). {@code get_miner_conf.cgi} answers
 * the configuration with the mode in {@code bitmain-work-mode} as a string; {@code
 * set_miner_conf.cgi} takes the whole configuration back with {@code miner-mode} as an integer (1
 * sleep, 0 normal). Like the real firmware it answers success to any post, applying only an
 * integer {@code miner-mode}, so a client must read the configuration back to know.
 */
final class AntminerWeb {
  static final String REALM = "antMiner Configuration";
  static final String USER = "root";
  static final String PASSWORD = "root";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AntminerWeb() {}

  static byte[] answer(WebRequest request, Telemetry t, Actions miner) {
    // other firmware serves its own web interface, without Bitmain's cgi pages
    if (t.dialect != Dialect.BITMAIN) return WebConnection.response(404, "Not Found", "text/html", "", "<h1>404 Not Found</h1>");
    if (!WebDigest.verify(request, REALM, USER, PASSWORD, t.now)) {
      String challenge = "WWW-Authenticate: Digest realm=\"" + REALM + "\", charset=\"UTF-8\", algorithm=MD5, nonce=\""
          + WebDigest.nonce(t.now) + "\", qop=\"auth\"\r\n";
      return WebConnection.response(401, "Unauthorized", "text/html", challenge, "<h1>401 Unauthorized</h1>");
    }
    String route = request.method() + " " + request.path();
    return switch (route) {
      case "GET /cgi-bin/get_miner_conf.cgi" -> ok(config(t, miner.toldToSleep()));
      case "POST /cgi-bin/set_miner_conf.cgi" -> {
        apply(request.body(), miner);
        yield ok(Rec.of().put("stats", "success").put("code", "M000").put("msg", "OK!"));
      }
      default -> WebConnection.response(404, "Not Found", "text/html", "", "<h1>404 Not Found</h1>");
    };
  }

  /** Only an integer miner-mode counts; a string one, or bitmain-work-mode, is answered OK and ignored. */
  private static void apply(String body, Actions miner) {
    JsonNode mode;
    try {
      mode = JSON.readTree(body).path("miner-mode");
    } catch (Exception e) {
      return;
    }
    if (!mode.isIntegralNumber()) return;
    if (mode.asInt() == 1) miner.sleep();
    else if (mode.asInt() == 0) miner.wake();
  }

  private static Rec config(Telemetry t, boolean asleep) {
    List<Object> pools = List.of(
        Rec.of().put("url", Telemetry.POOL_URL).put("user", t.worker()).put("pass", "x"),
        Rec.of().put("url", "stratum+tcp://pool2.example.com:3333").put("user", t.worker()).put("pass", "x"),
        Rec.of().put("url", "stratum+tcp://pool3.example.com:3333").put("user", t.worker()).put("pass", "x"));
    return Rec.of().put("pools", pools).put("api-listen", true).put("api-network", true)
        .put("api-groups", "A:stats:pools:devs:summary:version").put("api-allow", "A:0/0,W:*").put("bitmain-fan-ctrl", false)
        .put("bitmain-fan-pwm", "100").put("bitmain-use-vil", true).put("bitmain-freq", String.valueOf(t.freqMhz))
        .put("bitmain-voltage", "1400").put("bitmain-ccdelay", "0").put("bitmain-pwth", "0")
        .put("bitmain-work-mode", asleep ? "1" : "0").put("bitmain-freq-level", "100");
  }

  private static byte[] ok(Rec json) {
    Ascii out = new Ascii(1024);
    JsonOut.write(out, json);
    return WebConnection.response(200, "OK", "text/plain", "", out.toString());
  }
}
