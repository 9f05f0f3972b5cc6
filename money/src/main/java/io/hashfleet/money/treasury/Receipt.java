package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.payout.Payout;
import java.time.Instant;

/**
 * Mined bitcoin coming in.
 *
 * @param source where it came from, usually the pool's name
 * @param payoutId the pool payout this receipt books, or {@code null} for coins received otherwise
 *     (solo blocks, a correction)
 */
public record Receipt(String id, Instant at, Btc amount, String source, String payoutId) implements LedgerEntry {
  public Receipt {
    id = EntryChecks.id("receipt", id);
    EntryChecks.at("receipt", id, at);
    EntryChecks.positive("receipt", id, "amount", amount);
    source = EntryChecks.text("receipt", id, "a source", source);
    payoutId = payoutId == null || payoutId.isBlank() ? null : payoutId.strip();
  }

  public Receipt(String id, Instant at, Btc amount, String source) {
    this(id, at, amount, source, null);
  }

  /**
   * Books a pool payout. The entry id is derived from the payout id so that booking the same
   * payout twice is caught by the ledger's duplicate-id check.
   */
  public static Receipt of(Payout payout) {
    String source = payout.pool() == null ? "pool" : payout.pool();
    return new Receipt("payout:" + payout.id(), payout.paidAt(), payout.amount(), source, payout.id());
  }

  @Override
  public Btc change() {
    return amount;
  }

  @Override
  public String describe() {
    return "receipt " + id + " of " + amount + " BTC";
  }
}
