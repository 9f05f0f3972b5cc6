package io.hashfleet.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.duckdb.DuckDBConnection;

/**
 * Computes rollups incrementally and purges raw samples behind them.
 *
 * <p>Each rollup has a watermark in {@code rollup_state}: every bucket before it is done. A run
 * computes the complete buckets from the watermark up to the requested instant and moves the
 * watermark in the same transaction, so running twice adds nothing twice and a crash leaves either
 * both or neither. Samples arriving late for a bucket already rolled up stay in raw only.
 */
public final class Rollups {
  private final Database db;

  public Rollups(Database db) {
    this.db = db;
  }

  /** Rolls every rollup up to {@code upTo}; returns the rollup rows written. */
  public long rollUp(Instant upTo) {
    long rows = 0;
    for (Rollup r : Rollup.values()) rows += rollUp(r, Times.micros(upTo));
    return rows;
  }

  private long rollUp(Rollup r, long upToUs) {
    return db.write("rollup " + r.key(), c -> {
      Long start = watermark(c, r);
      if (start == null) {
        Long first = firstSample(c);
        if (first == null) return 0L;
        start = Times.floor(first, r.widthUs());
      }
      long end = Times.floor(upToUs, r.widthUs());
      if (end <= start) return 0L;
      long rows;
      try (PreparedStatement p = c.prepareStatement(r.insertSql())) {
        p.setLong(1, start);
        p.setLong(2, end);
        rows = p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO rollup_state VALUES (?, make_timestamp(?)) ON CONFLICT (rollup) DO UPDATE SET rolled_to = excluded.rolled_to")) {
        p.setString(1, r.key());
        p.setLong(2, end);
        p.executeUpdate();
      }
      return rows;
    });
  }

  /**
   * Deletes raw samples older than {@code olderThan}, but never ones a rollup has not covered yet:
   * the cut-off is the earlier of {@code olderThan} and every rollup's watermark.
   */
  public long purgeRaw(Instant olderThan) {
    return db.write("purge of raw samples", c -> {
      long cutoff = Times.micros(olderThan);
      for (Rollup r : Rollup.values()) {
        Long wm = watermark(c, r);
        if (wm == null) return 0L; // never rolled up: everything is still needed
        cutoff = Math.min(cutoff, wm);
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM samples WHERE sampled_at < make_timestamp(?)")) {
        p.setLong(1, cutoff);
        return (long) p.executeUpdate();
      }
    });
  }

  static Long watermark(DuckDBConnection c, Rollup r) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT epoch_us(rolled_to) FROM rollup_state WHERE rollup = ?")) {
      p.setString(1, r.key());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static Long firstSample(DuckDBConnection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT epoch_us(min(sampled_at)) FROM samples"); ResultSet rs = p.executeQuery()) {
      rs.next();
      long v = rs.getLong(1);
      return rs.wasNull() ? null : v;
    }
  }
}
