package io.hashfleet.money.cost;

import io.hashfleet.domain.Hashrate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase of hashrate: 32 EH/s for $256M in cash on one date, 18 EH/s for $144M in stock on
 * another. Stock is valued at the price agreed in the deal, which is what the cost basis is.
 */
public record AcquisitionTranche(String name, LocalDate date, Hashrate hashrate, BigDecimal priceUsd, Payment payment) {
  public enum Payment {
    CASH,
    STOCK
  }

  public AcquisitionTranche {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("tranche name is required");
    Objects.requireNonNull(date, "date");
    if (hashrate.isZero()) throw new IllegalArgumentException("tranche " + name + ": hashrate must be positive");
    if (priceUsd.signum() <= 0) throw new IllegalArgumentException("tranche " + name + ": price must be positive");
    Objects.requireNonNull(payment, "payment");
  }

  /** Price per TH/s, to the cent: $256M for 32 EH/s is $8.00/TH. */
  public BigDecimal usdPerTh() {
    BigDecimal ths = BigDecimal.valueOf(hashrate.mhs()).movePointLeft(6);
    return priceUsd.divide(ths, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
  }

  public BigDecimal terahashes() {
    return BigDecimal.valueOf(hashrate.mhs()).movePointLeft(6);
  }
}
