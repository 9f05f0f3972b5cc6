package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The treasury's bitcoin, as an append-only list of movements in time order.
 *
 * <p>Why append-only and in order: the balance after every entry must be something the treasury
 * really held, so an entry is checked against the holdings at its own time, and that is only
 * possible when nothing can later be slipped in before it. A mistake is fixed by a further entry,
 * as an accountant would. Every refusal leaves the ledger exactly as it was.
 */
public final class Ledger {
  private final List<LedgerEntry> entries = new ArrayList<>();
  /** Holdings in satoshis after each entry, so past holdings are a binary search away. */
  private long[] balanceAfter = new long[16];
  private final Set<String> ids = new HashSet<>();

  /** Rebuilds a ledger from stored entries, refusing them just as {@link #append} would. */
  public static Ledger of(List<? extends LedgerEntry> entries) {
    Ledger ledger = new Ledger();
    entries.forEach(ledger::append);
    return ledger;
  }

  /**
   * Adds an entry after all others.
   *
   * @throws LedgerException if it is earlier than the last entry, reuses an id, spends more than
   *     is held, or would hold more bitcoin than can exist
   */
  public void append(LedgerEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!entries.isEmpty() && entry.at().isBefore(entries.getLast().at())) {
      LedgerEntry last = entries.getLast();
      throw new LedgerException(entry, entry.describe() + " at " + entry.at() + " is earlier than the last entry "
          + last.id() + " at " + last.at() + "; entries must be appended in time order");
    }
    if (ids.contains(entry.id())) {
      throw new LedgerException(entry, entry.describe() + " reuses id " + entry.id() + ", which is already in the ledger");
    }
    Btc holdings = balance();
    Btc after = holdings.plus(entry.change());
    if (after.isNegative()) {
      throw new LedgerException(entry, entry.describe() + " at " + entry.at() + " exceeds holdings " + holdings
          + " BTC; " + after.negate() + " BTC short", after.negate());
    }
    if (after.compareTo(LedgerEntry.MAX_SUPPLY) > 0) {
      throw new LedgerException(entry, entry.describe() + " at " + entry.at() + " would bring holdings to " + after
          + " BTC, more than the 21000000 BTC that can ever exist");
    }
    if (entries.size() == balanceAfter.length) balanceAfter = Arrays.copyOf(balanceAfter, entries.size() * 2);
    balanceAfter[entries.size()] = after.sats();
    entries.add(entry);
    ids.add(entry.id());
  }

  public Btc balance() {
    return entries.isEmpty() ? Btc.ZERO : Btc.ofSats(balanceAfter[entries.size() - 1]);
  }

  /** Holdings counting every entry at or before {@code time}. */
  public Btc holdingsAt(Instant time) {
    int count = countAtOrBefore(time);
    return count == 0 ? Btc.ZERO : Btc.ofSats(balanceAfter[count - 1]);
  }

  /** How many entries (a prefix, since they are in time order) happened at or before {@code time}. */
  int countAtOrBefore(Instant time) {
    int lo = 0;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).at().isAfter(time)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  /** A read-only view in ledger order; it reflects later appends. */
  public List<LedgerEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** The entries at or before {@code time}, in order. */
  public List<LedgerEntry> entriesUntil(Instant time) {
    return entries().subList(0, countAtOrBefore(time));
  }
}
