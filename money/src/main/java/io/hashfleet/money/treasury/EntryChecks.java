package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.Instant;
import java.util.Objects;

/** The checks every ledger entry shares, kept in one place so their messages read alike. */
final class EntryChecks {
  private EntryChecks() {}

  static String id(String kind, String id) {
    if (id == null || id.isBlank()) throw new IllegalArgumentException(kind + " id must not be blank");
    return id.strip();
  }

  static void at(String kind, String id, Instant at) {
    Objects.requireNonNull(at, () -> kind + " " + id + " needs a time");
  }

  static void positive(String kind, String id, String what, Btc amount) {
    Objects.requireNonNull(amount, () -> kind + " " + id + " needs " + what);
    if (!amount.isPositive()) {
      throw new IllegalArgumentException(kind + " " + id + " " + what + " must be positive, got " + amount + " BTC");
    }
    withinSupply(kind, id, what, amount);
  }

  /** A fee may be zero (a transfer inside one custodian) but never negative. */
  static Btc fee(String kind, String id, String what, Btc fee) {
    if (fee == null) return Btc.ZERO;
    if (fee.isNegative()) {
      throw new IllegalArgumentException(kind + " " + id + " " + what + " must not be negative, got " + fee + " BTC");
    }
    withinSupply(kind, id, what, fee);
    return fee;
  }

  static String text(String kind, String id, String what, String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException(kind + " " + id + " needs " + what);
    return text.strip();
  }

  private static void withinSupply(String kind, String id, String what, Btc amount) {
    if (amount.compareTo(LedgerEntry.MAX_SUPPLY) > 0) {
      throw new IllegalArgumentException(
          kind + " " + id + " " + what + " " + amount + " BTC is more than the 21000000 BTC that can ever exist");
    }
  }
}
