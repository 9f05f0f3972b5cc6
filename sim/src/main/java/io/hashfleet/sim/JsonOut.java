package io.hashfleet.sim;

import java.util.List;

/**
 * Writes {@link Rec} trees as compact JSON. Hand-written because replies are built thousands of
 * times a second and a general serializer's reflection and number formatting dominate the cost.
 */
final class JsonOut {
  private JsonOut() {}

  static void write(Ascii out, Object v) {
    switch (v) {
      case null -> out.append("null");
      case String s -> out.quoted(s);
      case Rec.Num n -> out.fixed(n.value(), n.decimals());
      case Rec.NumText n -> out.append('"').fixed(n.value(), n.decimals()).append('"');
      case Rec.Bare b -> out.append(b.token());
      case Integer i -> out.append((long) i);
      case Long l -> out.append((long) l);
      case Boolean b -> out.append(b ? "true" : "false");
      case Rec r -> {
        out.append('{');
        for (int i = 0; i < r.size(); i++) {
          if (i > 0) out.append(',');
          out.quoted(r.key(i)).append(':');
          write(out, r.value(i));
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
      default -> out.append(String.valueOf(v));
    }
  }

  /** The same fixed-point text, for values firmware sends as strings ("GHS 5s":"102232.59"). */
  static String fixed(double v, int decimals) {
    return new Ascii(24).fixed(v, decimals).toString();
  }
}
