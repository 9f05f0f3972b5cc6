package io.hashfleet.money.treasury;

import io.hashfleet.store.FleetStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whose payouts and ledger a {@link TreasuryStore} or {@link io.hashfleet.money.payout.PayoutStore}
 * reads and writes. Rows name their owner tenant (store V9); rows naming none are the store's
 * default books, which belong to the books tenant (V7) when one is set.
 *
 * <p>Whether {@code owner} is that books tenant is told here rather than looked up: the setting
 * belongs to the console's accounts, and money does not read the console's tables.
 *
 * @param owner the owner tenant's id; null for the default books alone (as before V9)
 * @param includesDefault whether the default (untenanted) rows are this owner's too
 */
public record Books(String owner, boolean includesDefault) {
  /** The default books: untenanted rows, written untenanted. What a store meant before V9. */
  public static final Books DEFAULT = new Books(null, true);

  public Books {
    if (owner == null && !includesDefault) throw new IllegalArgumentException("books of no owner must be the default books");
    if (owner != null && owner.isBlank()) throw new IllegalArgumentException("owner tenant is blank");
  }

  /** One owner's books; {@code isBooksTenant}: it is also the owner of the default books. */
  public static Books of(String owner, boolean isBooksTenant) {
    return owner == null ? DEFAULT : new Books(owner, isBooksTenant);
  }

  /** The SQL condition selecting these books' rows; bind it with {@link #bind}. */
  public String where() {
    if (owner == null) return "tenant IS NULL";
    return includesDefault ? "(tenant = ? OR tenant IS NULL)" : "tenant = ?";
  }

  /** Binds {@link #where}'s parameter, if any, at {@code index}; returns the next free index. */
  public int bind(PreparedStatement p, int index) throws SQLException {
    if (owner == null) return index;
    p.setString(index, owner);
    return index + 1;
  }

  /** Whether the store holds any payout or ledger row of these books. */
  public boolean anyIn(FleetStore store) {
    return store.read("any books of " + describe(), c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM payouts WHERE " + where() + ")"
          + " OR EXISTS (SELECT 1 FROM ledger WHERE " + where() + ")")) {
        bind(p, bind(p, 1));
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getBoolean(1);
        }
      }
    });
  }

  /** For messages: "the default books" or "owner X's books". */
  public String describe() {
    return owner == null ? "the default books" : "owner " + owner + "'s books";
  }
}
