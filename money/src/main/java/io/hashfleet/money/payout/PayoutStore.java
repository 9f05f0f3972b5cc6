package io.hashfleet.money.payout;

import io.hashfleet.domain.Btc;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Payouts kept in the fleet store. An import lands in one transaction, together with a treasury
 * receipt for each payout, so the payouts and the ledger never disagree.
 */
public final class PayoutStore {
  /** Ledger ids of receipts booked from payouts: the payout id with this prefix. */
  public static final String RECEIPT_PREFIX = "payout:";

  private final FleetStore store;

  public PayoutStore(FleetStore store) {
    this.store = store;
  }

  public Set<String> ids() {
    return store.read("payout ids", c -> {
      Set<String> out = new HashSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM payouts"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
  }

  /** Stores every payout and books it as a receipt, all or none. */
  public void importAll(List<Payout> payouts, String sourceFile) {
    store.write("import " + payouts.size() + " payouts from " + sourceFile, c -> {
      long seq = nextSeq(c);
      try (PreparedStatement pay = c.prepareStatement(
          "INSERT INTO payouts (id, paid_at, amount_sats, pool, source_file) VALUES (?, make_timestamp(?), ?, ?, ?)");
          PreparedStatement led = c.prepareStatement("INSERT INTO ledger (seq, id, kind, entry_at, amount_sats, counterparty, memo, payout_id)"
              + " VALUES (?, ?, 'receipt', make_timestamp(?), ?, ?, ?, ?)")) {
        for (Payout p : payouts) {
          pay.setString(1, p.id());
          pay.setLong(2, UtcMicros.of(p.paidAt()));
          pay.setLong(3, p.amount().sats());
          pay.setString(4, p.pool());
          pay.setString(5, sourceFile);
          pay.addBatch();
          led.setLong(1, seq++);
          led.setString(2, RECEIPT_PREFIX + p.id());
          led.setLong(3, UtcMicros.of(p.paidAt()));
          led.setLong(4, p.amount().sats());
          led.setString(5, p.pool() == null ? "pool" : p.pool());
          led.setString(6, "payout imported from " + sourceFile);
          led.setString(7, p.id());
          led.addBatch();
        }
        pay.executeBatch();
        led.executeBatch();
      }
      return null;
    });
  }

  /** Payouts paid in [from, to), oldest first. */
  public List<Payout> between(Instant from, Instant to) {
    return store.read("payouts between " + from + " and " + to, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, epoch_us(paid_at), amount_sats, pool FROM payouts"
          + " WHERE paid_at >= make_timestamp(?) AND paid_at < make_timestamp(?) ORDER BY paid_at, id")) {
        p.setLong(1, UtcMicros.of(from));
        p.setLong(2, UtcMicros.of(to));
        try (ResultSet rs = p.executeQuery()) {
          List<Payout> out = new ArrayList<>();
          while (rs.next()) out.add(new Payout(rs.getString(1), UtcMicros.toInstant(rs.getLong(2)), Btc.ofSats(rs.getLong(3)), rs.getString(4)));
          return out;
        }
      }
    });
  }

  static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM ledger"); ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
