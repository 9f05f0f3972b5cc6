package io.hashfleet.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered JSON object under construction. Firmware replies have a fixed key order that some
 * parsers (and humans diffing fixtures) rely on, and a map would lose it or cost more.
 *
 * <p>Values are String, Long/Integer, {@link Num}, Boolean, List (a JSON array) or another Rec.
 */
final class Rec {
  final List<String> keys = new ArrayList<>(24);
  final List<Object> values = new ArrayList<>(24);

  Rec put(String key, Object value) {
    keys.add(key);
    values.add(value);
    return this;
  }

  /** A number written with a fixed count of decimals, as firmware prints it ("101925.32"). */
  Rec num(String key, double value, int decimals) {
    return put(key, new Num(value, decimals));
  }

  Object get(String key) {
    int i = keys.indexOf(key);
    return i < 0 ? null : values.get(i);
  }

  int size() {
    return keys.size();
  }

  /** A double with its print precision. */
  record Num(double value, int decimals) {}

  static Rec of() {
    return new Rec();
  }
}
