package io.hashfleet.collect.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.MinerAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed replies of one poll, one cgminer envelope ({@code {"STATUS":…,"SUMMARY":[…]}}) per
 * command name. Error envelopes (STATUS E or F) are kept out, so a driver sees a command as either
 * answered or absent.
 */
public record Replies(Map<String, JsonNode> byCommand) {
  public Replies {
    byCommand = Map.copyOf(byCommand);
  }

  public static Replies empty() {
    return new Replies(Map.of());
  }

  /**
   * Splits a joined reply: each top-level key is a command whose value is an array holding its
   * envelope (cgminer's code, whatever its README says); a bare object is accepted too.
   */
  public static Replies joined(JsonNode root) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    if (root != null && root.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        JsonNode env = v.isArray() && !v.isEmpty() ? v.get(0) : v;
        if (env.isObject() && isSuccess(env)) m.put(e.getKey().toLowerCase(Locale.ROOT), env);
      }
    }
    return new Replies(m);
  }

  /** Parses reply texts received one command per connection. */
  public static Replies parseEach(MinerAddress address, Map<String, String> textByCommand) throws ReplyFormatException {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : textByCommand.entrySet()) {
      JsonNode env = RelaxedJson.parse(e.getValue(), address + " (" + e.getKey() + ")");
      if (isSuccess(env)) m.put(e.getKey().toLowerCase(Locale.ROOT), env);
    }
    return new Replies(m);
  }

  public Replies with(String command, JsonNode envelope) {
    if (envelope == null || !envelope.isObject() || !isSuccess(envelope)) return this;
    Map<String, JsonNode> m = new LinkedHashMap<>(byCommand);
    m.put(command.toLowerCase(Locale.ROOT), envelope);
    return new Replies(m);
  }

  public boolean has(String command) {
    return byCommand.containsKey(command);
  }

  public boolean hasAll(List<String> commands) {
    for (String c : commands) if (!has(c)) return false;
    return true;
  }

  /** The envelope of {@code command}, or a missing node. */
  public JsonNode envelope(String command) {
    JsonNode n = byCommand.get(command);
    return n == null ? MissingNode.getInstance() : n;
  }

  /** The array {@code section} (e.g. "POOLS") of {@code command}, or an empty/missing node. */
  public JsonNode list(String command, String section) {
    return envelope(command).path(section);
  }

  /** The first object of {@code section}, or a missing node. */
  public JsonNode first(String command, String section) {
    JsonNode n = list(command, section);
    return n.isArray() ? n.path(0) : n;
  }

  /** STATUS is an array of one object on cgminer, a bare string or object on btminer 2.x. */
  static boolean isSuccess(JsonNode envelope) {
    JsonNode s = envelope.get("STATUS");
    if (s == null) return true;
    if (s.isArray()) s = s.path(0);
    String code = s.isObject() ? s.path("STATUS").asText("") : s.asText("");
    return !(code.equals("E") || code.equals("F"));
  }
}
