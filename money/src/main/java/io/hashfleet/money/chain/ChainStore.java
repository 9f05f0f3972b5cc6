package io.hashfleet.money.chain;

import io.hashfleet.domain.Btc;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Chain data kept in the fleet store: the epochs and block fees fetched so far. */
public final class ChainStore {
  private final FleetStore store;

  public ChainStore(FleetStore store) {
    this.store = store;
  }

  /** The bundled history overlaid with everything stored (stored rows win at equal heights). */
  public ChainHistory history() {
    return ChainHistory.bundled().with(epochs());
  }

  /** Adds or replaces epochs by height; returns how many rows were new. */
  public int saveEpochs(List<DifficultyEpoch> epochs) {
    return store.write("save " + epochs.size() + " chain epochs", c -> {
      int before = count(c, "chain_epochs");
      try (PreparedStatement del = c.prepareStatement("DELETE FROM chain_epochs WHERE height = ?");
          PreparedStatement ins = c.prepareStatement(
              "INSERT INTO chain_epochs (height, started_at, bits, difficulty, source) VALUES (?, make_timestamp(?), ?, ?, ?)")) {
        for (DifficultyEpoch e : epochs) {
          del.setInt(1, e.height());
          del.executeUpdate();
          ins.setInt(1, e.height());
          ins.setLong(2, UtcMicros.of(e.start()));
          ins.setLong(3, e.bits());
          ins.setDouble(4, e.difficulty());
          ins.setString(5, e.source());
          ins.executeUpdate();
        }
      }
      return count(c, "chain_epochs") - before;
    });
  }

  public List<DifficultyEpoch> epochs() {
    return store.read("read chain epochs", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT height, epoch_us(started_at), bits, difficulty, source FROM chain_epochs ORDER BY height");
          ResultSet rs = p.executeQuery()) {
        List<DifficultyEpoch> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new DifficultyEpoch(rs.getInt(1), UtcMicros.toInstant(rs.getLong(2)), rs.getLong(3), rs.getDouble(4), rs.getString(5)));
        }
        return out;
      }
    });
  }

  /** One block's total fees, from getblockstats. */
  public record BlockFees(int height, Instant minedAt, Btc totalFees) {}

  public int saveFees(List<BlockFees> blocks) {
    return store.write("save fees of " + blocks.size() + " blocks", c -> {
      int before = count(c, "block_fees");
      try (PreparedStatement del = c.prepareStatement("DELETE FROM block_fees WHERE height = ?");
          PreparedStatement ins = c.prepareStatement(
              "INSERT INTO block_fees (height, mined_at, total_fee_sats) VALUES (?, make_timestamp(?), ?)")) {
        for (BlockFees b : blocks) {
          del.setInt(1, b.height());
          del.executeUpdate();
          ins.setInt(1, b.height());
          ins.setLong(2, UtcMicros.of(b.minedAt()));
          ins.setLong(3, b.totalFees().sats());
          ins.executeUpdate();
        }
      }
      return count(c, "block_fees") - before;
    });
  }

  public OptionalInt lastFeeHeight() {
    return store.read("last fee height", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT max(height) FROM block_fees"); ResultSet rs = p.executeQuery()) {
        rs.next();
        int h = rs.getInt(1);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(h);
      }
    });
  }

  /** Average fees per block for each UTC day that has fee data, rounded to the satoshi. */
  public NavigableMap<LocalDate, Btc> feesPerBlockByDay() {
    return store.read("fees per block by day", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT CAST(mined_at AS DATE), round(avg(total_fee_sats)) FROM block_fees GROUP BY 1 ORDER BY 1");
          ResultSet rs = p.executeQuery()) {
        NavigableMap<LocalDate, Btc> out = new TreeMap<>();
        while (rs.next()) out.put(rs.getObject(1, LocalDate.class), Btc.ofSats(rs.getLong(2)));
        return out;
      }
    });
  }

  private static int count(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
