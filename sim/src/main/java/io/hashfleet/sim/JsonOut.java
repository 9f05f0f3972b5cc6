package io.hashfleet.sim;

import java.util.List;

/**
 * Writes {@link Rec} trees as compact JSON. Hand-written because replies are built thousands of
 * times a second and a general serializer's reflection and number formatting dominate the cost.
 */
final class JsonOut {
  private JsonOut() {}

  static void write(StringBuilder out, Object v) {
    switch (v) {
      case null -> out.append("null");
      case String s -> string(out, s);
      case Rec.Num n -> number(out, n.value(), n.decimals());
      case Rec r -> {
        out.append('{');
        for (int i = 0; i < r.size(); i++) {
          if (i > 0) out.append(',');
          string(out, r.keys.get(i));
          out.append(':');
          write(out, r.values.get(i));
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.append(',');
          write(out, list.get(i));
        }
        out.append(']');
      }
      default -> out.append(v); // Long, Integer, Boolean
    }
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    out.append('"');
  }

  /** Fixed-point without String.format, which is far too slow for the hot path. */
  static void number(StringBuilder out, double v, int decimals) {
    if (!Double.isFinite(v)) {
      out.append(0);
      return;
    }
    if (decimals == 0) {
      out.append(Math.round(v));
      return;
    }
    long scale = 1;
    for (int i = 0; i < decimals; i++) scale *= 10;
    long scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 && scaled != 0) out.append('-');
    out.append(scaled / scale).append('.');
    String frac = Long.toString(scaled % scale);
    for (int i = frac.length(); i < decimals; i++) out.append('0');
    out.append(frac);
  }

  /** The same fixed-point text, for values firmware sends as strings ("GHS 5s":"102232.59"). */
  static String fixed(double v, int decimals) {
    StringBuilder b = new StringBuilder(16);
    number(b, v, decimals);
    return b.toString();
  }
}
