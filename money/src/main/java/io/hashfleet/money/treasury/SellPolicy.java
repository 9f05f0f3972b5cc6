package io.hashfleet.money.treasury;

import java.math.BigDecimal;
import java.util.Objects;

/** A rule for when to turn mined bitcoin into dollars, to be tried on past prices. */
public sealed interface SellPolicy {
  /** Keep everything. */
  record Hold() implements SellPolicy {}

  /**
   * Sell a fixed share of each day's production that same day at that day's price, as miners do
   * to cover power bills in dollars.
   *
   * @param fraction from 0 (sell nothing) to 1 (sell everything mined)
   */
  record SellShareOfProduction(BigDecimal fraction) implements SellPolicy {
    public SellShareOfProduction {
      Objects.requireNonNull(fraction, "fraction");
      if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("share of production to sell must be between 0 and 1, got " + fraction.toPlainString());
      }
    }
  }

  /**
   * Hold until the price reaches a target, then sell everything held on every day it is at or above.
   *
   * @param usd the target price of one bitcoin
   */
  record SellAbovePrice(BigDecimal usd) implements SellPolicy {
    public SellAbovePrice {
      Objects.requireNonNull(usd, "usd");
      if (usd.signum() <= 0) throw new IllegalArgumentException("target price must be positive, got " + usd.toPlainString());
    }
  }
}
