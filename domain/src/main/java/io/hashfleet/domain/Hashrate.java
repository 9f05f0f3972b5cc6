package io.hashfleet.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hashrate, held as a whole number of MH/s.
 *
 * <p>Why MH/s in a long: a fleet of 50 EH/s is 5e19 H/s, past {@code Long.MAX_VALUE} in H/s, while
 * in MH/s a long reaches 9.2e24 H/s (9,200,000 EH/s) and sums of many machines stay exact. No
 * firmware reports finer than MH/s that matters at fleet scale.
 */
public record Hashrate(long mhs) implements Comparable<Hashrate> {
  public static final Hashrate ZERO = new Hashrate(0);

  public Hashrate {
    if (mhs < 0) throw new IllegalArgumentException("hashrate cannot be negative: " + mhs + " MH/s");
  }

  private static final Pattern TEXT =
      Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtpe]?)h(?:/s)?\\s*");

  /**
   * Parses a hashrate as people write it: {@code 30.4EH/s}, {@code 140 TH/s}, {@code 2.5ph}. Exact
   * to the MH/s; finer digits are an error rather than a silent rounding.
   */
  public static Hashrate parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a hashrate: '" + text + "' (expected a number and a unit such as 30.4EH/s or 140TH/s)");
    }
    int mhsExponent = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "" -> -6;
      case "k" -> -3;
      case "m" -> 0;
      case "g" -> 3;
      case "t" -> 6;
      case "p" -> 9;
      default -> 12; // e
    };
    try {
      return new Hashrate(new BigDecimal(m.group(1)).movePointRight(mhsExponent).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("hashrate '" + text + "' is finer than 1 MH/s or too large");
    }
  }

  public static Hashrate ofMhs(double mhs) {
    return new Hashrate(Math.round(clean(mhs)));
  }

  public static Hashrate ofGhs(double ghs) {
    return new Hashrate(Math.round(clean(ghs) * 1e3));
  }

  public static Hashrate ofThs(double ths) {
    return new Hashrate(Math.round(clean(ths) * 1e6));
  }

  public static Hashrate ofPhs(double phs) {
    return new Hashrate(Math.round(clean(phs) * 1e9));
  }

  public static Hashrate ofEhs(double ehs) {
    return new Hashrate(Math.round(clean(ehs) * 1e12));
  }

  /** Firmware reports NaN, infinities and negative noise; none of them is a hashrate. */
  private static double clean(double v) {
    return Double.isFinite(v) && v > 0 ? v : 0;
  }

  public double ths() {
    return mhs / 1e6;
  }

  public double ehs() {
    return mhs / 1e12;
  }

  /** H/s as a double: exact enough for production formulas, never for sums. */
  public double hashesPerSecond() {
    return mhs * 1e6;
  }

  public Hashrate plus(Hashrate other) {
    return new Hashrate(Math.addExact(mhs, other.mhs));
  }

  public boolean isZero() {
    return mhs == 0;
  }

  @Override
  public int compareTo(Hashrate o) {
    return Long.compare(mhs, o.mhs);
  }

  @Override
  public String toString() {
    double ths = ths();
    if (ths >= 1e6) return String.format("%.2f EH/s", ths / 1e6);
    if (ths >= 1e3) return String.format("%.2f PH/s", ths / 1e3);
    return String.format("%.2f TH/s", ths);
  }
}
