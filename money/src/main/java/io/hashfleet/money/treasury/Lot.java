package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * What is left of one receipt's bitcoin and of its cost basis in US dollars. The basis is kept
 * exact, not in cents, so that splitting a lot many times loses nothing.
 */
public record Lot(String receiptId, Instant acquiredAt, Btc amount, BigDecimal basis) {
  public Lot {
    Objects.requireNonNull(receiptId, "receiptId");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    if (!amount.isPositive()) throw new IllegalArgumentException("lot " + receiptId + " must hold bitcoin, got " + amount);
    if (basis.signum() < 0) throw new IllegalArgumentException("lot " + receiptId + " basis must not be negative");
  }

  /**
   * The basis of {@code sats} of this lot: its share by satoshis. Taking the whole lot takes the
   * whole basis, and a part is rounded at the basis's own (fine) scale, the rounding staying with
   * the remainder through {@link #less}; so parts and rest always add back to the original.
   */
  public BigDecimal basisOf(long sats) {
    if (sats <= 0 || sats > amount.sats()) {
      throw new IllegalArgumentException("cannot take " + sats + " sat from lot " + receiptId + " of " + amount.sats() + " sat");
    }
    if (sats == amount.sats()) return basis;
    return basis.multiply(BigDecimal.valueOf(sats)).divide(BigDecimal.valueOf(amount.sats()), basis.scale(), RoundingMode.HALF_EVEN);
  }

  /** The lot after {@code sats} carrying {@code takenBasis} (from {@link #basisOf}) have left it. */
  Lot less(long sats, BigDecimal takenBasis) {
    return new Lot(receiptId, acquiredAt, amount.minus(Btc.ofSats(sats)), basis.subtract(takenBasis));
  }
}
