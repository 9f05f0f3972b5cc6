package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Bitcoin that left the treasury, with the exact cost basis of the lots it came from.
 *
 * @param amount everything that left, fees included
 * @param proceeds dollars received: a sale's proceeds, zero for transfers and fees
 */
public record Disposal(String entryId, Instant at, Btc amount, BigDecimal basis, BigDecimal proceeds) {
  /** Realised profit (negative for a loss): proceeds less basis, exact. */
  public BigDecimal gain() {
    return proceeds.subtract(basis);
  }
}
