package io.hashfleet.collect.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.control.PowerCommand.SetPowerTarget;
import io.hashfleet.collect.control.PowerCommand.Sleep;
import io.hashfleet.collect.control.PowerCommand.Wake;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.collect.json.Values;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * Bitmain stock firmware, whose RPC is read-only: its web configuration (HTTP Digest). Reads
 * {@code get_miner_conf.cgi}, posts the whole configuration back to {@code set_miner_conf.cgi}
 * with {@code miner-mode} 1 (sleep) or 0 (normal) as an integer, then reads it again: the
 * firmware answers success to posts it ignores, so only the read-back proves the change.
 */
final class AntminerWebControl implements PowerController {
  static final String GET_CONF = "/cgi-bin/get_miner_conf.cgi";
  static final String SET_CONF = "/cgi-bin/set_miner_conf.cgi";
  private final Supplier<HttpClient> http;
  private final ControlSettings settings;

  AntminerWebControl(Supplier<HttpClient> http, ControlSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException, InterruptedException {
    int mode = switch (command) {
      case Sleep s -> 1;
      case Wake w -> 0;
      case SetPowerTarget t -> -1;
    };
    if (mode < 0) return new Refused(miner, "unsupported: stock firmware has sleep, normal and low-power modes but no power target");
    DigestWeb web = new DigestWeb(http.get(), miner, settings.antminerWebPort(), settings.antminer(), settings.timeouts());
    HttpResponse<String> r = web.get(GET_CONF);
    if (r.statusCode() != 200) return notOk(miner, "GET " + GET_CONF, r);
    ObjectNode conf = object(miner, r);
    if (workMode(conf) == mode) return new Accepted(miner, "already " + name(mode) + " (bitmain-work-mode " + mode + ")");
    // the page reads the mode as bitmain-work-mode but takes it as miner-mode; sending both invites a conflict
    ObjectNode change = conf.deepCopy();
    change.remove("bitmain-work-mode");
    change.put("miner-mode", mode);
    r = web.post(SET_CONF, change.toString());
    if (r.statusCode() != 200) return notOk(miner, "POST " + SET_CONF, r);
    JsonNode answer = object(miner, r);
    if (!answer.path("stats").asText().equals("success") && !answer.path("code").asText().equals("M000")) {
      return new Refused(miner, "set_miner_conf.cgi refused miner-mode " + mode + ": " + ReplyFormatException.excerpt(r.body()));
    }
    r = web.get(GET_CONF);
    if (r.statusCode() != 200) return notOk(miner, "GET " + GET_CONF + " (read-back)", r);
    int now = workMode(object(miner, r));
    if (now != mode) {
      return new Failed(miner, "set_miner_conf.cgi answered success but the configuration still reads bitmain-work-mode " + now
          + ": the firmware ignored miner-mode " + mode);
    }
    return new Accepted(miner, "miner-mode " + mode + " (" + name(mode) + ")");
  }

  private static String name(int mode) {
    return mode == 1 ? "sleeping" : "in normal mode";
  }

  /** bitmain-work-mode as the page reports it (a string on current firmware), or -1 when absent. */
  private static int workMode(JsonNode conf) {
    double m = Values.num(conf, "bitmain-work-mode");
    if (!Double.isFinite(m)) m = Values.num(conf, "miner-mode");
    return Double.isFinite(m) ? (int) m : -1;
  }

  private static ObjectNode object(MinerAddress miner, HttpResponse<String> r) throws ReplyFormatException {
    JsonNode n = RelaxedJson.parse(r.body(), miner + " (" + r.request().uri().getPath() + ")");
    if (!(n instanceof ObjectNode o)) throw new ReplyFormatException(miner + ": " + r.request().uri().getPath() + " is not a JSON object");
    return o;
  }

  private CommandResult notOk(MinerAddress miner, String what, HttpResponse<String> r) {
    int code = r.statusCode();
    if (code == 401 || code == 403) {
      return new Refused(miner, "HTTP " + code + " to " + what + ": the web login " + settings.antminer() + " was not accepted");
    }
    return new Failed(miner, "HTTP " + code + " to " + what + " on port " + settings.antminerWebPort());
  }
}
