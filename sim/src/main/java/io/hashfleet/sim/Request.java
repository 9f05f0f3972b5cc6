package io.hashfleet.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed RPC request: plain text {@code summary}, {@code cmd|param}, {@code a+b+c}, or JSON
 * {@code {"command":"…","parameter":"…"}} (btminer also accepts {@code "cmd"}; newer Antminers
 * read {@code "new_api":true}).
 */
record Request(List<String> commands, String parameter, boolean json, boolean newApi) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  boolean joined() {
    return commands.size() > 1;
  }

  /** Parses the bytes a client sent; returns a request for the empty command on nonsense. */
  static Request parse(byte[] data, int len) {
    String text = new String(data, 0, len, StandardCharsets.UTF_8).trim();
    while (text.endsWith("\0")) text = text.substring(0, text.length() - 1).trim();
    if (text.startsWith("{")) {
      try {
        JsonNode n = MAPPER.readTree(text);
        JsonNode cmd = n.has("command") ? n.get("command") : n.get("cmd");
        String c = cmd == null ? "" : cmd.asText();
        JsonNode p = n.get("parameter");
        boolean newApi = n.path("new_api").asBoolean(false);
        return new Request(split(c), p == null ? null : p.asText(), true, newApi);
      } catch (Exception e) {
        return new Request(List.of(""), null, true, false);
      }
    }
    int bar = text.indexOf('|');
    String c = bar < 0 ? text : text.substring(0, bar);
    String p = bar < 0 ? null : text.substring(bar + 1);
    return new Request(split(c), p, false, false);
  }

  private static List<String> split(String commands) {
    return Arrays.stream(commands.split("\\+", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
  }
}
