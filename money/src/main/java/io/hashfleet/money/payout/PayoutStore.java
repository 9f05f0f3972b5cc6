package io.hashfleet.money.payout;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payouts kept in the fleet store. An import lands in one transaction, together with a treasury
 * receipt for each payout, so the payouts and the ledger never disagree.
 *
 * <p>Each store reads and writes one owner's {@link Books}: payouts of other owners kept in the same
 * store are neither listed nor counted. Payout ids are unique across the whole store all the same,
 * so an id already booked for another owner is refused, by name, rather than merged.
 */
public final class PayoutStore {
  /** Ledger ids of receipts booked from payouts: the payout id with this prefix. */
  public static final String RECEIPT_PREFIX = "payout:";

  private final FleetStore store;
  private final Books books;

  /** The store's default books, as before owners had books of their own. */
  public PayoutStore(FleetStore store) {
    this(store, Books.DEFAULT);
  }

  public PayoutStore(FleetStore store, Books books) {
    this.store = store;
    this.books = java.util.Objects.requireNonNull(books, "books");
  }

  public Books books() {
    return books;
  }

  /** Ids of the payouts in these books. */
  public Set<String> ids() {
    return store.read("payout ids of " + books.describe(), c -> {
      Set<String> out = new HashSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM payouts WHERE " + books.where())) {
        books.bind(p, 1);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /**
   * Ids of payouts in other owners' books, each with whose books hold it: ids are unique across
   * the store, so these cannot be imported here, and the error should say where they already are.
   */
  public Map<String, String> idsElsewhere() {
    return store.read("payout ids outside " + books.describe(), c -> idsElsewhere(c));
  }

  private Map<String, String> idsElsewhere(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    // coalesce: "tenant = ?" is NULL, not false, on the default books' rows
    try (PreparedStatement p = c.prepareStatement("SELECT id, tenant FROM payouts WHERE NOT coalesce(" + books.where() + ", false)")) {
      books.bind(p, 1);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getString(2) == null ? Books.DEFAULT.describe() : "owner " + rs.getString(2) + "'s books");
      }
    }
    return out;
  }

  /** Stores every payout in these books and books it as a receipt, all or none. */
  public void importAll(List<Payout> payouts, String sourceFile) {
    store.write("import " + payouts.size() + " payouts from " + sourceFile + " into " + books.describe(), c -> {
      // Checked here too, not only by the CSV reader: the primary key would refuse it, but with a
      // message naming neither the payout nor whose books already hold it.
      Map<String, String> elsewhere = idsElsewhere(c);
      for (Payout p : payouts) {
        if (elsewhere.containsKey(p.id())) {
          throw new IllegalArgumentException("payout id '" + p.id() + "' is already in " + elsewhere.get(p.id())
              + ": payout ids are unique across the store, nothing imported");
        }
      }
      long seq = nextSeq(c);
      try (PreparedStatement pay = c.prepareStatement(
          "INSERT INTO payouts (id, paid_at, amount_sats, pool, source_file, tenant) VALUES (?, make_timestamp(?), ?, ?, ?, ?)");
          PreparedStatement led = c.prepareStatement("INSERT INTO ledger (seq, id, kind, entry_at, amount_sats, counterparty, memo, payout_id, tenant)"
              + " VALUES (?, ?, 'receipt', make_timestamp(?), ?, ?, ?, ?, ?)")) {
        for (Payout p : payouts) {
          pay.setString(1, p.id());
          pay.setLong(2, UtcMicros.of(p.paidAt()));
          pay.setLong(3, p.amount().sats());
          pay.setString(4, p.pool());
          pay.setString(5, sourceFile);
          pay.setString(6, books.owner());
          pay.addBatch();
          led.setLong(1, seq++);
          led.setString(2, RECEIPT_PREFIX + p.id());
          led.setLong(3, UtcMicros.of(p.paidAt()));
          led.setLong(4, p.amount().sats());
          led.setString(5, p.pool() == null ? "pool" : p.pool());
          led.setString(6, "payout imported from " + sourceFile);
          led.setString(7, p.id());
          led.setString(8, books.owner());
          led.addBatch();
        }
        pay.executeBatch();
        led.executeBatch();
      }
      return null;
    });
  }

  /** Payouts in these books paid in [from, to), oldest first. */
  public List<Payout> between(Instant from, Instant to) {
    return store.read("payouts of " + books.describe() + " between " + from + " and " + to, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, epoch_us(paid_at), amount_sats, pool FROM payouts"
          + " WHERE paid_at >= make_timestamp(?) AND paid_at < make_timestamp(?) AND " + books.where() + " ORDER BY paid_at, id")) {
        p.setLong(1, UtcMicros.of(from));
        p.setLong(2, UtcMicros.of(to));
        books.bind(p, 3);
        try (ResultSet rs = p.executeQuery()) {
          List<Payout> out = new ArrayList<>();
          while (rs.next()) out.add(new Payout(rs.getString(1), UtcMicros.toInstant(rs.getLong(2)), Btc.ofSats(rs.getLong(3)), rs.getString(4)));
          return out;
        }
      }
    });
  }

  /** seq orders the whole ledger table, every owner's rows together: only the order within one owner's books matters. */
  static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM ledger"); ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
