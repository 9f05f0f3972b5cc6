package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.Instant;

/**
 * One movement of bitcoin into or out of the treasury. Every entry has its own id so it can be
 * referred to, corrected by a later entry, and never booked twice.
 */
public sealed interface LedgerEntry permits Receipt, Sale, Transfer, Fee {
  /** No amount can exceed what will ever exist; this also keeps every sum far inside a long. */
  Btc MAX_SUPPLY = Btc.ofSats(21_000_000L * Btc.SATS_PER_BTC);

  String id();

  Instant at();

  /** The headline amount: mined, sold, sent or paid; fees carried by the entry come on top. */
  Btc amount();

  /** What the entry does to holdings: positive for receipts, negative for everything leaving. */
  Btc change();

  /** A short phrase for messages, such as {@code sale s-12 of 5.00000000 BTC}. */
  String describe();
}
