package io.hashfleet.store.internal;

/**
 * The three rollups: which table, how wide a bucket, and the key under which {@code rollup_state}
 * records how far it has been computed.
 */
public enum Rollup {
  MINER_5M("miner_5m", "rollup_miner_5m", Times.FIVE_MINUTES_US),
  GROUP_1M("group_1m", "rollup_group_1m", Times.MINUTE_US),
  GROUP_1H("group_1h", "rollup_group_1h", Times.HOUR_US);

  private final String key;
  private final String table;
  private final long widthUs;

  Rollup(String key, String table, long widthUs) {
    this.key = key;
    this.table = table;
    this.widthUs = widthUs;
  }

  public String key() {
    return key;
  }

  public String table() {
    return table;
  }

  public long widthUs() {
    return widthUs;
  }

  /** SQL for the watermark: buckets before it are in the table, the rest must come from raw. */
  String watermarkSql() {
    return "(SELECT coalesce(max(rolled_to), TIMESTAMP '1970-01-01') FROM rollup_state WHERE rollup = '" + key + "')";
  }

  /** The per-miner aggregation over raw samples for buckets of {@code widthUs}. */
  static String perMiner(long widthUs, String where) {
    return SqlText.fill(SqlText.duckdb("per_miner.sql"), java.util.Map.of("width", widthUs, "where", where));
  }

  String insertSql() {
    String perMiner = perMiner(widthUs, "sampled_at >= make_timestamp(?) AND sampled_at < make_timestamp(?)");
    if (this == MINER_5M) return SqlText.fill(SqlText.duckdb("rollup_miner.sql"), java.util.Map.of("per_miner", perMiner));
    return SqlText.fill(SqlText.duckdb("rollup_group.sql"), java.util.Map.of("per_miner", perMiner, "table", table));
  }
}
