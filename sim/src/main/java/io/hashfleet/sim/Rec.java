package io.hashfleet.sim;

import java.util.Arrays;

/**
 * An ordered JSON object under construction. Firmware replies have a fixed key order that some
 * parsers (and humans diffing fixtures) rely on, and a map would lose it or cost more.
 *
 * <p>Values are String, Long/Integer, {@link Num}, {@link Bare}, Boolean, List (a JSON array) or
 * another Rec.
 */
final class Rec {
  private String[] keys;
  private Object[] values;
  private int size;

  private Rec(int capacity) {
    keys = new String[capacity];
    values = new Object[capacity];
  }

  Rec put(String key, Object value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
    return this;
  }

  /** A number written with a fixed count of decimals, as firmware prints it ("101925.32"). */
  Rec num(String key, double value, int decimals) {
    return put(key, new Num(value, decimals));
  }

  Object get(String key) {
    for (int i = 0; i < size; i++) if (keys[i].equals(key)) return values[i];
    return null;
  }

  String key(int i) {
    return keys[i];
  }

  Object value(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  /** A number firmware sends as a string ("GHS 5s":"102232.59"), with a fixed count of decimals. */
  Rec numText(String key, double value, int decimals) {
    return put(key, new NumText(value, decimals));
  }

  /** A double with its print precision. */
  record Num(double value, int decimals) {}

  /** A double printed as a quoted string, without building the String first. */
  record NumText(double value, int decimals) {}

  /**
   * A token printed unquoted exactly as given: Canaan's cgminer prints a C double with "%f"-style
   * code that emits {@code nan} and {@code inf}, which is not JSON but is what pollers receive.
   */
  record Bare(String token) {
    static final Bare NAN = new Bare("nan");
    static final Bare INF = new Bare("inf");
  }

  static Rec of() {
    return new Rec(32);
  }

  /** For the big objects (Bitmain stats has about 90 keys): sized once, never grown. */
  static Rec of(int capacity) {
    return new Rec(capacity);
  }
}
