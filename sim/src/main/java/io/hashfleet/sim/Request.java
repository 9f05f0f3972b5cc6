package io.hashfleet.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed RPC request: plain text {@code summary}, {@code cmd|param}, {@code a+b+c}, or JSON
 * {@code {"command":"…","parameter":"…"}} (btminer also accepts {@code "cmd"}; newer Antminers
 * read {@code "new_api":true}).
 *
 * @param encrypted the base-64 {@code data} of btminer's encrypted form {@code {"enc":1,"data":…}},
 *     whose command is only known once decrypted; null for every other request
 */
record Request(List<String> commands, String parameter, boolean json, boolean newApi, String encrypted) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  Request(List<String> commands, String parameter, boolean json, boolean newApi) {
    this(commands, parameter, json, newApi, null);
  }

  boolean joined() {
    return commands.size() > 1;
  }

  /** Parses the bytes a client sent; returns a request for the empty command on nonsense. */
  static Request parse(byte[] data, int len) {
    int from = 0, to = len;
    while (from < to && (data[from] & 255) <= ' ') from++;
    while (to > from && (data[to - 1] & 255) <= ' ') to--; // also drops trailing NULs
    if (from < to && data[from] == '{') {
      Request flat = FlatJson.read(data, from, to);
      return flat != null ? flat : parseJson(new String(data, from, to - from, StandardCharsets.UTF_8));
    }
    String text = new String(data, from, to - from, StandardCharsets.UTF_8);
    int bar = text.indexOf('|');
    String c = bar < 0 ? text : text.substring(0, bar);
    String p = bar < 0 ? null : text.substring(bar + 1);
    return new Request(split(c), p, false, false);
  }

  /** The general path, for JSON the flat reader does not take on (escapes, nested values). */
  private static Request parseJson(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      JsonNode cmd = n.has("command") ? n.get("command") : n.get("cmd");
      String c = cmd == null ? "" : cmd.asText();
      JsonNode p = n.get("parameter");
      boolean newApi = n.path("new_api").asBoolean(false);
      String data = n.has("enc") && n.path("data").isTextual() ? n.get("data").asText() : null;
      return new Request(split(c), p == null ? null : p.asText(), true, newApi, data);
    } catch (Exception e) {
      return new Request(List.of(""), null, true, false);
    }
  }

  static List<String> split(String commands) {
    if (commands.indexOf('+') < 0) return List.of(commands.trim().toLowerCase(Locale.ROOT));
    List<String> out = new ArrayList<>(4);
    int start = 0;
    while (true) {
      int plus = commands.indexOf('+', start);
      out.add(commands.substring(start, plus < 0 ? commands.length() : plus).trim().toLowerCase(Locale.ROOT));
      if (plus < 0) return List.copyOf(out);
      start = plus + 1;
    }
  }

  /**
   * Reads the one-level objects pollers send ({@code {"command":"summary+pools","new_api":true}})
   * without building a tree; gives up (null) on anything else so the general parser decides.
   */
  private static final class FlatJson {
    private final byte[] d;
    private final int end;
    private int i;

    private FlatJson(byte[] d, int from, int end) {
      this.d = d;
      this.i = from + 1;
      this.end = end;
    }

    static Request read(byte[] d, int from, int to) {
      return new FlatJson(d, from, to).object();
    }

    private Request object() {
      String command = null, cmd = null, parameter = null, data = null;
      boolean newApi = false, enc = false;
      skipSpace();
      if (i < end && d[i] == '}') return i + 1 == end ? new Request(List.of(""), null, true, false) : null;
      while (true) {
        String key = string();
        if (key == null || !expect(':')) return null;
        skipSpace();
        String value;
        if (i < end && d[i] == '"') {
          value = string();
          if (value == null) return null;
        } else {
          value = bare();
          if (value == null) return null;
        }
        switch (key) {
          case "command" -> command = value;
          case "cmd" -> cmd = value;
          case "parameter" -> parameter = value;
          case "new_api" -> newApi = value.equals("true");
          case "enc" -> enc = true;
          case "data" -> data = value;
          default -> { }
        }
        skipSpace();
        if (i < end && d[i] == ',') {
          i++;
          skipSpace();
          continue;
        }
        if (i < end && d[i] == '}' && i + 1 == end) break;
        return null;
      }
      String c = command != null ? command : cmd != null ? cmd : "";
      return new Request(split(c), parameter, true, newApi, enc ? data : null);
    }

    /** A string without escapes or non-ASCII bytes, else null. */
    private String string() {
      if (i >= end || d[i] != '"') return null;
      int start = ++i;
      while (i < end && d[i] != '"') {
        if (d[i] == '\\' || d[i] < 0) return null;
        i++;
      }
      if (i >= end) return null;
      return new String(d, start, i++ - start, StandardCharsets.US_ASCII);
    }

    /** true, false, null or a number; objects and arrays are left to the general parser. */
    private String bare() {
      int start = i;
      while (i < end && d[i] != ',' && d[i] != '}' && d[i] > ' ') {
        if (d[i] == '{' || d[i] == '[' || d[i] == '"') return null;
        i++;
      }
      if (i == start) return null;
      String v = new String(d, start, i - start, StandardCharsets.US_ASCII);
      // a JSON null is left to the general parser, whose reading of it the sim has always used
      return v.equals("null") ? null : v;
    }

    private boolean expect(char c) {
      skipSpace();
      if (i < end && d[i] == c) {
        i++;
        return true;
      }
      return false;
    }

    private void skipSpace() {
      while (i < end && d[i] <= ' ' && d[i] >= 0) i++;
    }
  }
}
