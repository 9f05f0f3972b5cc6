package io.hashfleet.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that replies are printed into. Replies are ASCII (firmware prints no
 * other text), so characters go straight to bytes: no StringBuilder, no String, no encoder. Each
 * buffer is reused from connection to connection through {@link BufferPool}.
 */
final class Ascii {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

  private byte[] buf;
  private int len;

  Ascii(int capacity) {
    buf = new byte[capacity];
  }

  byte[] array() {
    return buf;
  }

  int length() {
    return len;
  }

  Ascii reset() {
    len = 0;
    return this;
  }

  Ascii append(byte[] bytes, int offset, int count) {
    ensure(count);
    System.arraycopy(bytes, offset, buf, len, count);
    len += count;
    return this;
  }

  /** Marks the first {@code n} bytes of {@link #array()} as written (read into it from a socket). */
  Ascii filled(int n) {
    if (n < 0 || n > buf.length) throw new IllegalArgumentException("filled " + n + " of " + buf.length);
    len = n;
    return this;
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }

  Ascii append(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Text as-is; anything outside ASCII is UTF-8 encoded (the sim itself prints only ASCII). */
  Ascii append(String s) {
    int start = copy(s);
    for (int i = start; i < len; i++) {
      if (buf[i] < 0) {
        len = start;
        return appendBytes(s.getBytes(StandardCharsets.UTF_8));
      }
    }
    return this;
  }

  /**
   * Copies the low byte of each char and returns where the copy starts: an array copy for the
   * JDK's one-byte strings, far cheaper than a char loop or an encoder. Callers check the copied
   * bytes (one pass over a byte array) and redo the rare string that is not plain ASCII.
   */
  @SuppressWarnings("deprecation")
  private int copy(String s) {
    int n = s.length();
    ensure(n);
    int start = len;
    s.getBytes(0, n, buf, start);
    len += n;
    return start;
  }

  Ascii appendBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** A JSON string literal, quotes included. */
  Ascii quoted(String s) {
    append('"');
    int start = copy(s);
    boolean plain = true;
    for (int i = start; i < len; i++) {
      byte b = buf[i];
      if (b < 0x20 || b == '"' || b == '\\') { // negative bytes (not ASCII) land here too
        plain = false;
        break;
      }
    }
    if (plain) return append('"');
    len = start;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') append('\\').append(c);
      else if (c < 0x20) append("\\u00").append((char) DIGITS[c >> 4]).append((char) DIGITS[c & 15]);
      else if (c < 0x80) append(c);
      else append(String.valueOf(c));
    }
    return append('"');
  }

  Ascii append(long v) {
    if (v == Long.MIN_VALUE) return append(Long.toString(v));
    if (v < 0) {
      append('-');
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) digits++;
    ensure(digits);
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = DIGITS[(int) (v % 10)];
      v /= 10;
    }
    len += digits;
    return this;
  }

  /** Fixed-point with {@code decimals} places ("101925.32"); non-finite values print as 0. */
  Ascii fixed(double v, int decimals) {
    if (!Double.isFinite(v)) return append(0L);
    if (decimals == 0) return append(Math.round(v));
    long scale = TENS[decimals];
    long scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 && scaled != 0) append('-');
    append(scaled / scale).append('.');
    long frac = scaled % scale;
    for (int d = decimals - 1; d >= 0; d--) {
      append((char) DIGITS[(int) (frac / TENS[d] % 10)]);
    }
    return this;
  }

  /** Lower-case hex, zero-padded to {@code width} digits. */
  Ascii hex(long v, int width) {
    ensure(width);
    for (int i = width - 1; i >= 0; i--) {
      buf[len + i] = DIGITS[(int) (v & 15)];
      v >>>= 4;
    }
    len += width;
    return this;
  }

  /** Right-aligned in {@code width} columns, as C's {@code %3d}. */
  Ascii padded(long v, int width) {
    int digits = 1;
    for (long t = Math.abs(v); t >= 10; t /= 10) digits++;
    for (int i = digits + (v < 0 ? 1 : 0); i < width; i++) append(' ');
    return append(v);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /** Hex helpers for the few identifiers firmware prints (MACs, serials), without String.format. */
  static String hexUpper(long v, int width) {
    char[] c = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      c[i] = Character.toUpperCase((char) DIGITS[(int) (v & 15)]);
      v >>>= 4;
    }
    return new String(c);
  }

  /** Decimal, zero-padded to {@code width} digits, as C's {@code %010d}. */
  static String zeroPadded(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static String hexLower(long v, int width) {
    return hexUpper(v, width).toLowerCase(java.util.Locale.ROOT);
  }
}
