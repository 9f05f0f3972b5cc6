package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;

/**
 * An entry the ledger refused; the ledger is unchanged. When the refusal is for want of coins,
 * {@link #shortfall()} says how many were missing, so a caller can offer to book the receipt
 * that is probably not yet imported.
 */
public final class LedgerException extends IllegalArgumentException {
  private final transient LedgerEntry entry;
  private final transient Btc shortfall;

  LedgerException(LedgerEntry entry, String message) {
    this(entry, message, Btc.ZERO);
  }

  LedgerException(LedgerEntry entry, String message, Btc shortfall) {
    super(message);
    this.entry = entry;
    this.shortfall = shortfall;
  }

  public LedgerEntry entry() {
    return entry;
  }

  /** The bitcoin missing to cover the entry; zero when it was refused for another reason. */
  public Btc shortfall() {
    return shortfall;
  }
}
