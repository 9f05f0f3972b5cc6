package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The treasury ledger and the price series, kept in the fleet store.
 *
 * <p>Rows are only ever inserted. Entries may be booked late (a payout file imported after a sale
 * was recorded), so the ledger is read in time order, and a new entry is accepted only if the
 * ledger with it still never spends more than it holds at any moment.
 *
 * <p>The ledger is one owner's {@link Books}: holdings never count another owner's coins kept in
 * the same store. Prices are the market's and shared by all.
 */
public final class TreasuryStore {
  private final FleetStore store;
  private final Books books;

  /** The store's default books, as before owners had books of their own. */
  public TreasuryStore(FleetStore store) {
    this(store, Books.DEFAULT);
  }

  public TreasuryStore(FleetStore store, Books books) {
    this.store = store;
    this.books = java.util.Objects.requireNonNull(books, "books");
  }

  public Books books() {
    return books;
  }

  /** These books' whole ledger, in time order (ties in booking order). */
  public Ledger ledger() {
    return Ledger.of(entries());
  }

  /** Validates {@code entry} against the ledger it would join, then stores it. */
  public void append(LedgerEntry entry) {
    store.write("book " + entry.describe() + " in " + books.describe(), c -> {
      List<LedgerEntry> all = new ArrayList<>(read(c, books));
      all.add(entry);
      all.sort(Comparator.comparing(LedgerEntry::at)); // stable: ties keep booking order
      Ledger.of(all); // throws LedgerException naming the entry and the shortfall
      // Ids are unique across the store (primary key); say whose books hold it, not a constraint error.
      try (PreparedStatement p = c.prepareStatement("SELECT tenant FROM ledger WHERE id = ?")) {
        p.setString(1, entry.id());
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            String other = rs.getString(1) == null ? Books.DEFAULT.describe() : "owner " + rs.getString(1) + "'s books";
            throw new LedgerException(entry, entry.describe() + " reuses id " + entry.id() + ", which is already in " + other
                + " (ledger ids are unique across the store)");
          }
        }
      }
      long seq;
      try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM ledger"); ResultSet rs = p.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO ledger (seq, id, kind, entry_at, amount_sats, usd_proceeds, fee_sats,"
          + " counterparty, memo, payout_id, tenant) VALUES (?, ?, ?, make_timestamp(?), ?, ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, seq);
        p.setString(11, books.owner());
        p.setString(2, entry.id());
        p.setLong(4, UtcMicros.of(entry.at()));
        p.setLong(5, entry.amount().sats());
        switch (entry) {
          case Receipt r -> row(p, "receipt", null, null, r.source(), null, r.payoutId());
          case Sale s -> row(p, "sale", s.usdProceeds(), s.networkFee(), null, null, null);
          case Transfer t -> row(p, "transfer", null, t.fee(), t.destination(), null, null);
          case Fee f -> row(p, "fee", null, null, null, f.memo(), null);
        }
        p.executeUpdate();
      }
      return null;
    });
  }

  private static void row(PreparedStatement p, String kind, BigDecimal usd, Btc fee, String counterparty, String memo, String payoutId)
      throws java.sql.SQLException {
    p.setString(3, kind);
    p.setBigDecimal(6, usd);
    p.setObject(7, fee == null ? null : fee.sats());
    p.setString(8, counterparty);
    p.setString(9, memo);
    p.setString(10, payoutId);
  }

  public List<LedgerEntry> entries() {
    return store.read("read the ledger of " + books.describe(), c -> read(c, books));
  }

  private static List<LedgerEntry> read(java.sql.Connection c, Books books) throws java.sql.SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, kind, epoch_us(entry_at), amount_sats, usd_proceeds, fee_sats, counterparty,"
        + " memo, payout_id FROM ledger WHERE " + books.where() + " ORDER BY entry_at, seq")) {
      books.bind(p, 1);
      ResultSet rs = p.executeQuery();
      List<LedgerEntry> out = new ArrayList<>();
      while (rs.next()) {
        String id = rs.getString(1);
        var at = UtcMicros.toInstant(rs.getLong(3));
        Btc amount = Btc.ofSats(rs.getLong(4));
        long feeSats = rs.getLong(6);
        Btc fee = rs.wasNull() ? Btc.ZERO : Btc.ofSats(feeSats);
        out.add(switch (rs.getString(2)) {
          case "receipt" -> new Receipt(id, at, amount, rs.getString(7), rs.getString(9));
          case "sale" -> new Sale(id, at, amount, rs.getBigDecimal(5).stripTrailingZeros(), fee);
          case "transfer" -> new Transfer(id, at, amount, rs.getString(7), fee);
          case "fee" -> new Fee(id, at, amount, rs.getString(8));
          default -> throw new IllegalStateException("ledger entry " + id + " has unknown kind " + rs.getString(2));
        });
      }
      return out;
    }
  }

  /** Adds prices; a day already priced is an error, so an import never silently rewrites history. */
  public void savePrices(List<DailyPrice> prices) {
    store.write("save " + prices.size() + " prices", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO btc_prices (day, usd) VALUES (?, ?)")) {
        for (DailyPrice d : prices) {
          p.setObject(1, d.date());
          p.setBigDecimal(2, d.usd());
          p.addBatch();
        }
        p.executeBatch();
      }
      return null;
    });
  }

  public java.util.Set<LocalDate> pricedDays() {
    return store.read("priced days", c -> {
      java.util.Set<LocalDate> out = new java.util.HashSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT day FROM btc_prices"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getObject(1, LocalDate.class));
      }
      return out;
    });
  }

  public PriceSeries prices() {
    return store.read("read prices", c -> {
      List<DailyPrice> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT day, usd FROM btc_prices ORDER BY day"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(new DailyPrice(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2).stripTrailingZeros()));
      }
      return PriceSeries.of(out);
    });
  }
}
