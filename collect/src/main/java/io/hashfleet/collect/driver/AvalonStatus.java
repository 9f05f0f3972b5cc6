package io.hashfleet.collect.driver;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads Canaan's bracketed status string ({@code "MM ID0"} in {@code stats}):
 * {@code Ver[1366-…] Temp[26] TMax[84] Fan1[3960] PS[0 1213 1255 252 3054 1255 3268] MGHS[…]}.
 * Keys may contain spaces ({@code Nonce Mask[25]}) and values may contain spaces and colons
 * ({@code SYSTEMSTATU[Work: In Work, Hash Board: 3 ]}); brackets do not nest. Hand-written because
 * it runs on every poll and a regex over a 3 KB string is the slow part of an Avalon poll.
 */
final class AvalonStatus {
  private AvalonStatus() {}

  static Map<String, String> parse(String s) {
    Map<String, String> out = new HashMap<>();
    if (s == null) return out;
    int n = s.length();
    int keyStart = 0;
    int i = 0;
    while (i < n) {
      int open = s.indexOf('[', i);
      if (open < 0) break;
      int close = s.indexOf(']', open + 1);
      if (close < 0) break;
      String key = s.substring(keyStart, open).trim();
      if (!key.isEmpty()) out.put(key, s.substring(open + 1, close).trim());
      i = close + 1;
      keyStart = i;
    }
    return out;
  }

  /** The space-separated numbers of a value ("83 84 82"); unreadable entries become NaN. */
  static double[] numbers(String value) {
    if (value == null || value.isBlank()) return new double[0];
    double[] tmp = new double[16];
    int count = 0;
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && value.charAt(i) == ' ') i++;
      int start = i;
      while (i < n && value.charAt(i) != ' ') i++;
      if (i > start) {
        if (count == tmp.length) tmp = java.util.Arrays.copyOf(tmp, count * 2);
        tmp[count++] = io.hashfleet.collect.json.Values.parse(value.substring(start, i));
      }
    }
    return java.util.Arrays.copyOf(tmp, count);
  }
}
