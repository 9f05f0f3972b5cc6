package io.hashfleet.collect.control;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.Values;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.util.Locale;

/**
 * The STATUS of a cgminer-family reply: an array of one object on cgminer forks, a flat object
 * on btminer ({@code {"STATUS":"S","Code":131,"Msg":…}}).
 *
 * @param status S (success), I (info), W (warning), E (error), F (fatal), or "" when absent
 * @param code the firmware's code, -1 when absent
 * @param msg its message, "" when absent
 */
record FirmwareStatus(String status, int code, String msg) {
  static final int ACCESS_DENIED = 45;
  private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

  static FirmwareStatus of(JsonNode reply) {
    JsonNode s = reply.path("STATUS");
    JsonNode holder = s.isArray() ? s.path(0) : s.isObject() ? s : reply;
    String st = holder.path("STATUS").asText(s.isTextual() ? s.asText() : "");
    double code = Values.num(holder, "Code");
    JsonNode msg = holder.path("Msg");
    return new FirmwareStatus(st, Double.isFinite(code) ? (int) code : -1, msg.isValueNode() ? msg.asText() : msg.toString());
  }

  boolean ok() {
    return status.equals("S") || status.equals("I");
  }

  /** Firmware that says no to a state it is in already ("already paused") has still done its job. */
  boolean already() {
    return msg.toLowerCase(Locale.ROOT).contains("already");
  }

  @Override
  public String toString() {
    return "STATUS " + status + ", Code " + code + ", '" + msg + "'";
  }

  /** One request, parsed as firmware JSON; errors name the miner. */
  static JsonNode call(MinerRpc rpc, MinerAddress miner, String request) throws IOException {
    return RelaxedJson.parse(rpc.call(request), miner.toString());
  }

  /**
   * {@code {"command":…,"parameter":…}}, the strings escaped by Jackson's encoder so ids and
   * passwords cannot break out; no tree built, since a fleet-wide shed sends tens of thousands.
   */
  static String request(String command, String parameter) {
    StringBuilder b = new StringBuilder(48 + (parameter == null ? 0 : parameter.length())).append("{\"command\":\"");
    ESCAPE.quoteAsString(command, b);
    if (parameter != null) ESCAPE.quoteAsString(parameter, b.append("\",\"parameter\":\""));
    return b.append("\"}").toString();
  }
}
