package io.hashfleet.money.payout;

import io.hashfleet.domain.Btc;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment a mining pool made to the operator.
 *
 * @param id the pool's own reference for the payout (a transaction id or payout number); it is
 *     what stops the same payout being booked twice
 * @param pool the pool's name, or {@code null} when the export does not say
 */
public record Payout(String id, Instant paidAt, Btc amount, String pool) {
  public Payout {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("payout id must not be blank");
    id = id.strip();
    Objects.requireNonNull(paidAt, "paidAt");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("payout " + id + " amount must be positive, got " + amount + " BTC");
    }
    pool = pool == null || pool.isBlank() ? null : pool.strip();
  }
}
