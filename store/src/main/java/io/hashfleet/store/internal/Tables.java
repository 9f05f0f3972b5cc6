package io.hashfleet.store.internal;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store's tables, for export and size reports. */
public final class Tables {
  /** Only these names are ever spliced into SQL. */
  public static final List<String> ALL = List.of("schema_version", "miners", "samples", "latest", "rollup_miner_5m",
      "rollup_group_1m", "rollup_group_1h", "rollup_state", "alerts", "chain_epochs", "block_fees", "payouts",
      "ledger", "btc_prices", "energy_events", "energy_actions");

  private Tables() {}

  static void check(String table, String action) {
    if (!ALL.contains(table)) {
      throw new IllegalArgumentException("cannot " + action + " '" + table + "': not a store table; known: " + String.join(", ", ALL));
    }
  }

  /** Row count of every table, in {@link #ALL} order. */
  public static Map<String, Long> rowCounts(Database db) {
    return db.read("row counts", c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (Statement s = c.createStatement()) {
        for (String t : ALL) {
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
            rs.next();
            out.put(t, rs.getLong(1));
          }
        }
      }
      return out;
    });
  }
}
