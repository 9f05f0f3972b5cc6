package io.hashfleet.store.internal;

import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.PoolReading;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends raw samples and keeps {@code latest} current.
 *
 * <p>Why it is built this way (measured at 350,000 miners on 2 cores): DuckDB's appender straight
 * into {@code samples} takes about 3 µs a row and commits almost for free, while anything that
 * updates rows per batch — ON CONFLICT upserts into {@code latest}, or INSERT … SELECT joins with
 * the registry — cost 10 to 50 times more and grew with every cycle. So each sample is written
 * twice by appenders: to {@code samples}, with site and model taken from the registry's in-memory
 * tags, and to {@code latest_pending}, a temp table of the writer connection. The pending rows are
 * folded into {@code latest} in bulk (latest_merge.sql) when enough have piled up, and always
 * before a query reads {@code latest}, so readers never see a stale latest.
 */
public final class SampleWriter {
  /** Pending rows that trigger a merge during appends: about ten seconds of a 350,000-miner poller. */
  static final int MERGE_ROWS = 50_000;

  private final Database db;
  private final MinerRegistry registry;
  private volatile long pending; // written only under the database's write lock

  public SampleWriter(Database db, MinerRegistry registry) {
    this.db = db;
    this.registry = registry;
  }

  /** Creates the writer's pending table; called once per open. */
  public static void prepare(DuckDBConnection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute("CREATE TEMP TABLE latest_pending AS SELECT * FROM latest LIMIT 0");
    }
  }

  public int append(List<MinerSample> samples) {
    if (samples.isEmpty()) return 0;
    return db.write("append of " + samples.size() + " samples", c -> {
      try (DuckDBAppender raw = c.createAppender("samples");
          DuckDBAppender latest = c.createAppender("temp", "main", "latest_pending")) {
        for (MinerSample s : samples) {
          MinerRegistry.Tags tags = registry.tags(s.address().toString());
          appendRow(raw, s, tags);
          appendRow(latest, s, tags);
        }
      }
      pending += samples.size();
      if (pending >= MERGE_ROWS) merge(c);
      return samples.size();
    });
  }

  /** Brings {@code latest} up to date with every sample appended so far; cheap when nothing is pending. */
  public void mergeLatest() {
    if (pending == 0) return;
    db.write("merge of latest samples", c -> {
      if (pending > 0) merge(c);
      return null;
    });
  }

  private void merge(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : SqlText.statements(SqlText.duckdb("latest_merge.sql"))) s.execute(sql);
    }
    pending = 0;
  }

  private static void appendRow(DuckDBAppender a, MinerSample s, MinerRegistry.Tags tags) throws SQLException {
    MinerTelemetry t = s.telemetry();
    a.beginRow();
    a.appendEpochMicros(Times.micros(s.at()));
    a.append(s.address().toString());
    a.append(s.health().code());
    MinerRegistry.nullable(a, s.detail());
    a.append(t != null);
    String modelId = t != null && t.identity() != null && t.identity().modelId() != null ? t.identity().modelId()
        : tags == null ? null : tags.modelId();
    if (t == null) {
      a.append(0L).append(0L);
      for (int i = 0; i < 12; i++) a.appendNull(); // power_w … pool_url
    } else {
      a.append(t.hashrateNow() == null ? 0L : t.hashrateNow().mhs());
      a.append(t.hashrateAvg() == null ? 0L : t.hashrateAvg().mhs());
      nullable(a, t.powerW());
      Double temp = t.tempMaxC();
      if (temp == null) a.appendNull(); else a.append(temp.doubleValue());
      a.append(t.boardsAlive()).append(t.boards().size());
      nullable(a, t.fanRpm().isEmpty() ? null : min(t.fanRpm()));
      nullable(a, t.fanRpm().isEmpty() ? null : max(t.fanRpm()));
      a.append(t.accepted()).append(t.rejected()).append(t.stale()).append(t.hwErrors()).append(t.uptimeS());
      PoolReading pool = t.activePool();
      MinerRegistry.nullable(a, pool == null ? null : pool.url());
    }
    MinerRegistry.nullable(a, modelId);
    MinerRegistry.nullable(a, tags == null ? null : tags.site());
    MinerRegistry.nullable(a, t == null || t.fanRpm().isEmpty() ? null : fans(t.fanRpm()));
    a.endRow();
  }

  private static String fans(List<Integer> rpm) {
    StringBuilder b = new StringBuilder(rpm.size() * 5);
    for (Integer v : rpm) {
      if (!b.isEmpty()) b.append(',');
      b.append(v == null ? 0 : v);
    }
    return b.toString();
  }

  private static void nullable(DuckDBAppender a, Integer v) throws SQLException {
    if (v == null) a.appendNull(); else a.append(v.intValue());
  }

  private static Integer min(List<Integer> values) {
    int m = Integer.MAX_VALUE;
    for (Integer v : values) if (v != null && v < m) m = v;
    return m == Integer.MAX_VALUE ? null : m;
  }

  private static Integer max(List<Integer> values) {
    int m = Integer.MIN_VALUE;
    for (Integer v : values) if (v != null && v > m) m = v;
    return m == Integer.MIN_VALUE ? null : m;
  }
}
