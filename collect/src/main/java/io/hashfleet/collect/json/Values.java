package io.hashfleet.collect.json;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from firmware JSON, where a number may arrive as a number, a string ("141234.56"),
 * a string with an SI suffix ("32.8K"), an empty string (an empty board slot), NaN, or not at all.
 * Missing or unreadable numbers come back as NaN (or 0 for counters) so one odd field never sinks
 * a whole poll.
 */
public final class Values {
  private Values() {}

  /** The number under {@code key}, or NaN when absent or unreadable. */
  public static double num(JsonNode obj, String key) {
    return obj == null ? Double.NaN : number(obj.get(key));
  }

  /** The node as a number, or NaN. */
  public static double number(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return Double.NaN;
    if (n.isNumber()) return n.doubleValue();
    if (n.isBoolean()) return n.booleanValue() ? 1 : 0;
    if (n.isTextual()) return parse(n.textValue());
    return Double.NaN;
  }

  /** A non-negative counter under {@code key}, 0 when absent, unreadable or negative. */
  public static long count(JsonNode obj, String key) {
    double v = num(obj, key);
    return Double.isFinite(v) && v > 0 ? Math.round(Math.min(v, Long.MAX_VALUE)) : 0;
  }

  /** The text under {@code key} (numbers rendered), or null when absent. */
  public static String text(JsonNode obj, String key) {
    if (obj == null) return null;
    JsonNode n = obj.get(key);
    if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) return null;
    return n.asText();
  }

  /** True for {@code true}, a non-zero number, "true", "Y" or "yes". */
  public static boolean flag(JsonNode obj, String key) {
    if (obj == null) return false;
    JsonNode n = obj.get(key);
    if (n == null) return false;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isNumber()) return n.doubleValue() != 0;
    String t = n.asText().trim();
    return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("y") || t.equalsIgnoreCase("yes");
  }

  /**
   * Parses "141234.56", " 42 ", "32.8K", "1.2M"; NaN for "", "-", and anything else. The fast
   * parser takes what Java's own does (hex, "1d" too; harmless here) at a fraction of the cost.
   */
  public static double parse(String s) {
    if (s == null) return Double.NaN;
    String t = s.trim();
    if (t.isEmpty()) return Double.NaN;
    double scale = 1;
    char last = t.charAt(t.length() - 1);
    switch (last) {
      case 'k', 'K' -> scale = 1e3;
      case 'M' -> scale = 1e6;
      case 'G' -> scale = 1e9;
      case 'T' -> scale = 1e12;
      case 'P' -> scale = 1e15;
      default -> { }
    }
    if (scale != 1) t = t.substring(0, t.length() - 1).trim();
    if (t.isEmpty() || t.length() > 40) return Double.NaN;
    char first = t.charAt(0);
    if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9') || first == 'N' || first == 'I')) {
      return Double.NaN;
    }
    try {
      return NumberInput.parseDouble(t, true) * scale;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * The largest positive number in a separated list such as Bitmain's "55-53-68-69" or Avalon's
   * "72 73 71", or NaN when there is none (a dead board reports "0-0-0-0").
   */
  public static double maxOf(String list, char sep) {
    if (list == null) return Double.NaN;
    double max = Double.NaN;
    int start = 0;
    int n = list.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || list.charAt(i) == sep) {
        if (i > start) {
          double v = parse(list.substring(start, i));
          if (Double.isFinite(v) && v > 0 && !(v <= max)) max = v;
        }
        start = i + 1;
      }
    }
    return max;
  }

  /** The largest positive number in a JSON array, or NaN. */
  public static double maxOf(JsonNode array) {
    double max = Double.NaN;
    if (array == null || !array.isArray()) return max;
    for (JsonNode e : array) {
      double v = number(e);
      if (Double.isFinite(v) && v > 0 && !(v <= max)) max = v;
    }
    return max;
  }

  /** A temperature as the domain wants it: null when not reported, 0, negative sentinel or NaN. */
  public static Double temp(double v) {
    return Double.isFinite(v) && v > 0 && v < 250 ? v : null;
  }
}
