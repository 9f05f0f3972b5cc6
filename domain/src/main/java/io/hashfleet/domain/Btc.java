package io.hashfleet.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of bitcoin, held as a whole number of satoshis.
 *
 * <p>Why a long of satoshis: the protocol itself counts in satoshis, every sum stays exact, and 21
 * million BTC (2.1e15 sat) is far inside a long. Decimal BTC appears only at the edges: parsing
 * files and printing.
 */
public record Btc(long sats) implements Comparable<Btc> {
  public static final long SATS_PER_BTC = 100_000_000L;
  public static final Btc ZERO = new Btc(0);

  public static Btc ofSats(long sats) {
    return new Btc(sats);
  }

  /**
   * Parses a decimal BTC amount such as {@code 0.05} or {@code 3.12500000}; more than eight
   * decimal places is an error, never a silent rounding.
   */
  public static Btc parse(String text) {
    BigDecimal btc;
    try {
      btc = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a BTC amount: '" + text + "'");
    }
    return ofBtc(btc);
  }

  /** An exact decimal BTC amount; more than eight decimal places is an error. */
  public static Btc ofBtc(BigDecimal btc) {
    BigDecimal sats = btc.movePointRight(8);
    try {
      return new Btc(sats.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "not a BTC amount: '" + btc.toPlainString() + "' (at most 8 decimal places, at most 92 billion BTC)");
    }
  }

  /** Rounds a computed BTC figure (an expectation, not a payment) to the nearest satoshi. */
  public static Btc roundedFrom(BigDecimal btc) {
    return new Btc(btc.movePointRight(8).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  public BigDecimal toBtc() {
    return BigDecimal.valueOf(sats, 8);
  }

  public Btc plus(Btc other) {
    return new Btc(Math.addExact(sats, other.sats));
  }

  public Btc minus(Btc other) {
    return new Btc(Math.subtractExact(sats, other.sats));
  }

  public Btc negate() {
    return new Btc(Math.negateExact(sats));
  }

  public boolean isNegative() {
    return sats < 0;
  }

  public boolean isPositive() {
    return sats > 0;
  }

  @Override
  public int compareTo(Btc o) {
    return Long.compare(sats, o.sats);
  }

  /** Eight decimal places, as wallets and pools print it: {@code 3.12500000}. */
  @Override
  public String toString() {
    return toBtc().toPlainString();
  }
}
