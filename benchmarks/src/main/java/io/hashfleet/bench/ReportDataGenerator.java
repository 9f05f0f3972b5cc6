package io.hashfleet.bench;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import io.hashfleet.store.internal.Rollup;
import io.hashfleet.store.internal.SqlText;
import io.hashfleet.store.internal.Times;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Builds the data set for the monthly production report benchmark: a registered fleet and a whole
 * month of rollups, as a store would hold them after a month of polling every miner once a minute.
 *
 * <p>Run (after {@code ./mvnw -B -Pbench -DskipTests package}):
 * {@code java --enable-native-access=ALL-UNNAMED -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.hashfleet.bench.ReportDataGenerator --store report-350k.duckdb --miners 350000 --month 2024-12
 * [--seed 1] [--max-gb 60] [--max-minutes 90]}
 *
 * <p>What it writes:
 *
 * <ul>
 *   <li>{@code miners}: five sites of equal size, racks of 40, one model per rack (60% s19xp, 25%
 *       s21, 10% s19jpro, 5% m50s), at {@code 10.x.y.z:4028}; registered through
 *       {@link FleetStore#upsertMiners}, the path a scan takes.
 *   <li>{@code rollup_miner_5m}: one row per miner per 5-minute bucket of the month (350,000 miners
 *       and 31 days make 3.1 billion rows). Each miner has its own bin (±3% of the model's nominal
 *       hashrate and watts) plus ±1.5% jitter per bucket; 2% of miner-hours are offline (no answer,
 *       0 MH/s, no power) and 0.5% of the answered ones run on two of three boards (not ok).
 *   <li>{@code rollup_group_1m} and {@code rollup_group_1h} for the fleet, each site and each model,
 *       aggregated from those miner rows with the same rules as the store's own rollups.
 *   <li>{@code rollup_state}: every rollup marked done up to the end of the month, so queries read
 *       the rollups and never look for raw samples (the {@code samples} table stays empty).
 * </ul>
 *
 * <p>Why straight SQL rather than samples and {@link FleetStore#rollUp}: a month of raw samples at
 * 350,000 miners would be 15.6 billion rows, written only to be rolled up and thrown away. The rows
 * are generated inside DuckDB from {@code range()} and deterministic hashes of (miner, time, seed),
 * so no row crosses JDBC and a rerun with the same seed writes the same values.
 *
 * <p>A miner's state is constant within a 5-minute bucket (its five polls read alike), which is what
 * lets the minute rollup be derived from the 5-minute rows; its online state is constant within an
 * hour. Each day is one transaction, so an interrupted run resumes at the first incomplete day, and
 * a run over a complete month only reports and verifies (about 10 s), whatever --seed it is given.
 *
 * <p>Cost at 350,000 miners on 2 cores: about 1.1 GB and 2 to 2.5 minutes per day, so 35 GB and
 * 70 minutes for a 31-day month. After the first day it projects the month and stops, keeping that
 * day, when the projection passes --max-gb, --max-minutes or the free disk.
 */
public final class ReportDataGenerator {
  static final long DAY_US = 24 * Times.HOUR_US;
  /** Polls per miner per 5-minute bucket: one a minute. */
  static final int POLLS_PER_BUCKET = (int) (Times.FIVE_MINUTES_US / Times.MINUTE_US);
  static final int BUCKETS_PER_DAY = (int) (DAY_US / Times.FIVE_MINUTES_US);
  static final int OFFLINE_PER_MILLE = 20;
  static final int DEAD_BOARD_PER_MILLE = 5;
  /** A miner with a dead board of three hashes and draws two thirds of its usual. */
  static final double DEAD_BOARD_FACTOR = 2.0 / 3.0;
  /**
   * DuckDB's buffer pool defaults to 80% of RAM and, over a month of inserts, fills it with cached
   * blocks (21 GB resident on a 24 GB machine, which also runs builds). A day peaks near 4 GB
   * resident; at a 6 GB limit a day already ran slower, so the cap leaves room to spare.
   */
  static final String MEMORY_LIMIT = "12GB";

  /** Command-line options; the limits stop a run whose first day projects too large a month. */
  record Options(Path store, int miners, YearMonth month, long seed, double maxGb, double maxMinutes) {
    static Options parse(String[] args) {
      Map<String, String> named = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
        named.put(args[i], args[i + 1]);
      }
      String store = named.get("--store");
      String month = named.get("--month");
      if (store == null || month == null) throw new IllegalArgumentException("--store FILE and --month YYYY-MM are required");
      return new Options(Path.of(store).toAbsolutePath(), Integer.parseInt(named.getOrDefault("--miners", "350000")),
          YearMonth.parse(month), Long.parseLong(named.getOrDefault("--seed", "1")),
          Double.parseDouble(named.getOrDefault("--max-gb", "60")), Double.parseDouble(named.getOrDefault("--max-minutes", "90")));
    }
  }

  /** The month in UTC microseconds, the unit the store's TIMESTAMP columns are built from. */
  record Month(YearMonth month) {
    Instant start() {
      return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant end() {
      return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    int days() {
      return month.lengthOfMonth();
    }

    long dayStartUs(int day) {
      return Times.micros(start()) + day * DAY_US;
    }
  }

  /** Thrown when the first day shows the month would not fit the limits; the days written stay. */
  static final class OverBudget extends RuntimeException {
    OverBudget(String message) {
      super(message);
    }
  }

  private final Options options;
  private final Month month;
  private final FleetLayout layout;
  /** Generation time per table, in nanoseconds, for the summary. */
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  ReportDataGenerator(Options options) {
    this.options = options;
    this.month = new Month(options.month());
    this.layout = new FleetLayout(options.miners(), ModelCatalog.bundled());
    for (String t : List.of("miners", Rollup.MINER_5M.table(), Rollup.GROUP_1M.table(), Rollup.GROUP_1H.table())) nanos.put(t, 0L);
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: ReportDataGenerator --store FILE --miners 350000 --month 2024-12 [--seed 1] [--max-gb 60] [--max-minutes 90]");
      System.exit(64);
      return;
    }
    try {
      new ReportDataGenerator(options).run();
    } catch (OverBudget e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  void run() throws SQLException, IOException {
    long t0 = System.nanoTime();
    registerMiners();
    boolean generated;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + options.store())) {
      generated = generateMissingDays(c);
      if (generated) markRolledUp(c);
    }
    if (generated) System.err.printf("generation done in %s%n", minutes(System.nanoTime() - t0));
    summary();
    verify();
  }

  // Registry

  /**
   * Registers the fleet through the store, which also creates the schema. The upsert stages rows
   * through DuckDB's appender and merges them in one statement: a few seconds for 350,000 miners,
   * so there is no need to bypass the store with SQL.
   */
  private void registerMiners() {
    try (FleetStore store = FleetStore.open(options.store())) {
      int present = store.minerCount();
      if (present == layout.miners()) {
        System.err.printf("registry already holds %,d miners%n", present);
        return;
      }
      if (present != 0) {
        throw new IllegalStateException(options.store() + " holds " + present + " miners, not " + layout.miners() + ": use another file");
      }
      long t0 = System.nanoTime();
      store.upsertMiners(layout.all());
      nanos.merge("miners", System.nanoTime() - t0, Long::sum);
      System.err.printf("registered %,d miners in %.1f s%n", layout.miners(), (System.nanoTime() - t0) / 1e9);
    }
  }

  // Rollups, a day at a time

  /** Generates every day of the month not complete yet; false when there was none to do. */
  private boolean generateMissingDays(Connection c) throws SQLException, IOException {
    Map<Integer, Boolean> complete = completeDays(c);
    List<Integer> todo = new ArrayList<>();
    for (int d = 0; d < month.days(); d++) if (!complete.getOrDefault(d, false)) todo.add(d);
    if (todo.isEmpty() && rolledUp(c)) {
      System.err.printf("%s already holds %s for %,d miners: nothing to generate%n", options.store().getFileName(), options.month(), layout.miners());
      return false;
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
    }
    createMinerProfiles(c);
    long runStart = System.nanoTime();
    for (int i = 0; i < todo.size(); i++) {
      int day = todo.get(i);
      long bytesBefore = storeBytes();
      long t0 = System.nanoTime();
      DayStats stats = generateDay(c, day);
      long took = System.nanoTime() - t0;
      System.err.printf("day %d of %d: %,d miner rows in %.1f s (%,.0f rows/s), group rollups %.1f s, store %.2f GB, %s elapsed%n",
          day + 1, month.days(), stats.minerRows(), stats.minerNanos() / 1e9, stats.minerRows() / (stats.minerNanos() / 1e9),
          stats.groupNanos() / 1e9, storeBytes() / 1e9, minutes(System.nanoTime() - runStart));
      if (i == 0) checkBudget(storeBytes() - bytesBefore, took, todo.size() - 1);
    }
    return true;
  }

  /**
   * Per-miner figures that do not change over the month: each machine's bin (units of one model
   * differ by a few percent in hashrate and watts) and its usual temperature. A temp table, so the
   * per-row SQL only adds per-bucket jitter.
   */
  private void createMinerProfiles(Connection c) throws SQLException {
    String specs = layout.models().stream()
        .map(m -> "('" + m.id() + "', " + m.nominal().mhs() + ", " + m.watts() + ")")
        .collect(Collectors.joining(", "));
    String sql = """
        CREATE OR REPLACE TEMP TABLE gen_miners AS
        SELECT m.sort_key AS id, m.address, m.site, m.model_id,
               s.nominal_mhs * (0.97 + 0.06 * (hash(m.sort_key, {seed}, 'bin') % 65536) / 65536.0) AS base_mhs,
               s.watts * (0.97 + 0.06 * (hash(m.sort_key, {seed}, 'watts') % 65536) / 65536.0) AS base_w,
               65 + 10 * (hash(m.sort_key, {seed}, 'temp') % 65536) / 65536.0 AS base_temp
        FROM miners m JOIN (VALUES {specs}) s(model_id, nominal_mhs, watts) USING (model_id)
        ORDER BY m.sort_key
        """;
    try (Statement s = c.createStatement()) {
      s.execute(SqlText.fill(sql, Map.of("seed", options.seed(), "specs", specs)));
    }
  }

  /** What one day took, for the progress line. */
  record DayStats(long minerRows, long minerNanos, long groupNanos) {}

  /** One day of all three rollups in one transaction: a crash leaves the day whole or absent. */
  private DayStats generateDay(Connection c, int day) throws SQLException {
    long from = month.dayStartUs(day);
    Map<String, Object> values = Map.of("from", from, "to", from + DAY_US, "seed", options.seed(), "hour", Times.HOUR_US,
        "width", Times.FIVE_MINUTES_US, "polls", POLLS_PER_BUCKET, "offline", OFFLINE_PER_MILLE, "dead", DEAD_BOARD_PER_MILLE,
        "dead_factor", DEAD_BOARD_FACTOR);
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (Rollup r : Rollup.values()) {
        s.executeUpdate(SqlText.fill("DELETE FROM " + r.table() + " WHERE bucket >= make_timestamp({from}) AND bucket < make_timestamp({to})", values));
      }
      long t0 = System.nanoTime();
      long rows = timed(Rollup.MINER_5M.table(), () -> s.executeUpdate(SqlText.fill(MINER_ROWS, values)));
      long t1 = System.nanoTime();
      timed(Rollup.GROUP_1M.table(), () -> s.executeUpdate(SqlText.fill(GROUP_1M_ROWS, values)));
      timed(Rollup.GROUP_1H.table(), () -> s.executeUpdate(SqlText.fill(GROUP_1H_ROWS, values)));
      c.commit();
      return new DayStats(rows, t1 - t0, System.nanoTime() - t1);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * The miner rows of one day: every miner crossed with every bucket. One hash of (miner, bucket)
   * feeds the three jitters from different bits; a hash of (miner, hour) decides whether the miner
   * is offline or on a dead board for that whole hour, as outages last longer than a bucket. Figures
   * are rounded as the store rounds them, so sums over these rows are exact.
   */
  static final String MINER_ROWS = """
      INSERT INTO rollup_miner_5m
      SELECT make_timestamp(us), address, site, model_id,
             CASE WHEN up THEN round(base_mhs * board * (0.985 + 0.03 * (h & 65535) / 65536.0))::BIGINT ELSE 0 END,
             CASE WHEN up THEN round(base_w * board * (0.99 + 0.02 * ((h >> 16) & 65535) / 65536.0))::BIGINT END,
             CASE WHEN up THEN round(base_temp + 5 * ((h >> 32) & 65535) / 65536.0, 1) END,
             {polls},
             CASE WHEN up THEN {polls} ELSE 0 END,
             CASE WHEN up AND board = 1 THEN {polls} ELSE 0 END
      FROM (
        SELECT b.us, g.address, g.site, g.model_id, g.base_mhs, g.base_w, g.base_temp,
               hash(g.id, b.us, {seed}) AS h,
               hash(g.id, b.us // {hour}, {seed}, 'offline') % 1000 >= {offline} AS up,
               CASE WHEN hash(g.id, b.us // {hour}, {seed}, 'board') % 1000 < {dead} THEN {dead_factor} ELSE 1.0 END::DOUBLE AS board
        FROM range({from}, {to}, {width}) b(us) CROSS JOIN gen_miners g
      )
      """;

  /**
   * Minute rollups of one day. A miner's five polls in a bucket read alike, so each of the bucket's
   * minutes holds the bucket's sums with one poll per miner; the rest follows rollup_group.sql: fleet,
   * sites and models in one pass, miners_ok counting miners whose last poll was ok.
   */
  static final String GROUP_1M_ROWS = """
      INSERT INTO rollup_group_1m
      SELECT make_timestamp(bucket_us + m.i * 60000000), scope_kind, scope_key, hashrate_mhs, power_w,
             miners_reporting, miners_ok, samples // {polls}, samples_answered // {polls}
      FROM (
        SELECT epoch_us(bucket) AS bucket_us,
               CASE WHEN grouping(site) = 0 THEN 'site' WHEN grouping(model_id) = 0 THEN 'model' ELSE 'fleet' END AS scope_kind,
               CASE WHEN grouping(site) = 0 THEN site WHEN grouping(model_id) = 0 THEN model_id ELSE '' END AS scope_key,
               sum(hashrate_mhs) AS hashrate_mhs, sum(power_w) AS power_w,
               count(*) FILTER (WHERE samples_answered > 0) AS miners_reporting,
               count(*) FILTER (WHERE samples_ok = samples) AS miners_ok,
               sum(samples) AS samples, sum(samples_answered) AS samples_answered
        FROM (
          SELECT bucket, coalesce(site, '') AS site, coalesce(model_id, '') AS model_id, hashrate_mhs, power_w,
                 samples, samples_answered, samples_ok
          FROM rollup_miner_5m WHERE bucket >= make_timestamp({from}) AND bucket < make_timestamp({to})
        ) r
        GROUP BY GROUPING SETS ((bucket), (bucket, site), (bucket, model_id))
      ) g CROSS JOIN range({polls}) m(i)
      ORDER BY 1, 2, 3
      """;

  /**
   * Hour rollups of one day, through each miner's hour as rollup_group.sql does: its averages
   * weighted by polls (an unanswered poll counting 0), whether it answered at all, and whether its
   * last poll of the hour was ok; then summed over the fleet, each site and each model. The averages
   * are DECIMAL so their sum is exact: a parallel sum of doubles can round a rerun 1 MH/s apart.
   */
  static final String GROUP_1H_ROWS = """
      INSERT INTO rollup_group_1h
      SELECT make_timestamp(hour_us),
             CASE WHEN grouping(site) = 0 THEN 'site' WHEN grouping(model_id) = 0 THEN 'model' ELSE 'fleet' END,
             CASE WHEN grouping(site) = 0 THEN site WHEN grouping(model_id) = 0 THEN model_id ELSE '' END,
             round(sum(hashrate_mhs))::BIGINT, round(sum(power_w))::BIGINT,
             count(*) FILTER (WHERE samples_answered > 0), count(*) FILTER (WHERE last_ok),
             sum(samples), sum(samples_answered)
      FROM (
        SELECT epoch_us(bucket) // {hour} * {hour} AS hour_us, address, coalesce(site, '') AS site, coalesce(model_id, '') AS model_id,
               (sum(hashrate_mhs * samples) / sum(samples))::DECIMAL(38, 6) AS hashrate_mhs,
               CASE WHEN count(power_w) = 0 THEN NULL ELSE (sum(power_w * samples) / sum(samples))::DECIMAL(38, 6) END AS power_w,
               sum(samples) AS samples, sum(samples_answered) AS samples_answered,
               arg_max(samples_ok = samples, bucket) AS last_ok
        FROM rollup_miner_5m WHERE bucket >= make_timestamp({from}) AND bucket < make_timestamp({to})
        GROUP BY ALL
      ) pm
      GROUP BY GROUPING SETS ((hour_us), (hour_us, site), (hour_us, model_id))
      ORDER BY 1, 2, 3
      """;

  /** Marks every rollup done up to the end of the month, never moving a watermark back. */
  private void markRolledUp(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Rollup r : Rollup.values()) {
        s.executeUpdate("INSERT INTO rollup_state VALUES ('" + r.key() + "', make_timestamp(" + Times.micros(month.end()) + "))"
            + " ON CONFLICT (rollup) DO UPDATE SET rolled_to = greatest(rollup_state.rolled_to, excluded.rolled_to)");
      }
    }
  }

  // Idempotence

  /**
   * Days of the month whose three rollups all hold the expected rows. One scan per table (seconds
   * even at 3 billion rows, as DuckDB reads only the bucket column).
   */
  private Map<Integer, Boolean> completeDays(Connection c) throws SQLException {
    int scopes = scopeCount(c);
    Map<Integer, Long> miner = rowsPerDay(c, Rollup.MINER_5M);
    Map<Integer, Long> minute = rowsPerDay(c, Rollup.GROUP_1M);
    Map<Integer, Long> hour = rowsPerDay(c, Rollup.GROUP_1H);
    Map<Integer, Boolean> complete = new LinkedHashMap<>();
    for (int d = 0; d < month.days(); d++) {
      complete.put(d, miner.getOrDefault(d, 0L) == (long) layout.miners() * BUCKETS_PER_DAY
          && minute.getOrDefault(d, 0L) == (long) scopes * 24 * 60
          && hour.getOrDefault(d, 0L) == (long) scopes * 24);
    }
    return complete;
  }

  /** The fleet, every site and every model: the scopes a group rollup has a row for per bucket. */
  private static int scopeCount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 + count(DISTINCT coalesce(site, '')) + count(DISTINCT coalesce(model_id, '')) FROM miners")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Map<Integer, Long> rowsPerDay(Connection c, Rollup r) throws SQLException {
    long from = Times.micros(month.start());
    String sql = "SELECT (epoch_us(bucket) - " + from + ") // " + DAY_US + " AS day, count(*) FROM " + r.table()
        + " WHERE bucket >= make_timestamp(" + from + ") AND bucket < make_timestamp(" + Times.micros(month.end()) + ") GROUP BY 1";
    Map<Integer, Long> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.put(rs.getInt(1), rs.getLong(2));
    }
    return out;
  }

  private boolean rolledUp(Connection c) throws SQLException {
    String sql = "SELECT count(*) FROM rollup_state WHERE rolled_to >= make_timestamp(" + Times.micros(month.end()) + ")";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1) == Rollup.values().length;
    }
  }

  // Budget

  /**
   * Projects the month from the first day written: stops rather than fill the disk or run for
   * hours, leaving the days written so a run with larger limits resumes from there.
   */
  private void checkBudget(long dayBytes, long dayNanos, int daysLeft) throws IOException {
    double finalGb = (storeBytes() + dayBytes * (double) daysLeft) / 1e9;
    double minutesLeft = dayNanos * (double) daysLeft / 60e9;
    long usable = Files.getFileStore(options.store().getParent()).getUsableSpace();
    System.err.printf("projection from the first day: %.1f GB per day, month %.1f GB, %.0f more minutes (disk has %.1f GB free)%n",
        dayBytes / 1e9, finalGb, minutesLeft, usable / 1e9);
    if (finalGb > options.maxGb() || minutesLeft > options.maxMinutes() || dayBytes * (double) daysLeft > usable * 0.95) {
      throw new OverBudget(String.format("stopping: the month would need %.1f GB (limit %.0f GB, %.1f GB free) and %.0f more minutes"
          + " (limit %.0f); the day written stays, rerun with --max-gb/--max-minutes to go on", finalGb, options.maxGb(), usable / 1e9,
          minutesLeft, options.maxMinutes()));
    }
  }

  /** The database file plus its write-ahead log, as a stand-in for the disk the store takes. */
  private long storeBytes() throws IOException {
    Path wal = options.store().resolveSibling(options.store().getFileName() + ".wal");
    return Files.size(options.store()) + (Files.exists(wal) ? Files.size(wal) : 0);
  }

  // Report

  private void summary() throws SQLException, IOException {
    System.out.printf("store %s: %.2f GB%n", options.store(), storeBytes() / 1e9);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + options.store()); Statement s = c.createStatement()) {
      for (String table : List.of("miners", "rollup_miner_5m", "rollup_group_1m", "rollup_group_1h", "rollup_state")) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          Long took = nanos.get(table);
          String time = took == null || took == 0 ? "" : String.format(", generated in %s", minutes(took));
          System.out.printf("  %-16s %,15d rows%s%n", table, rs.getLong(1), time);
        }
      }
    }
  }

  /**
   * Reads the month back through the store's own queries: the fleet's mean hashrate against the
   * nameplate of the registered mix times the generated availability, and the uptime.
   */
  private void verify() {
    try (FleetStore store = FleetStore.open(options.store())) {
      long t0 = System.nanoTime();
      List<SeriesPoint> series = store.hashrateSeries(Scope.fleet(), month.start(), month.end(), Duration.ofHours(1));
      long seriesNanos = System.nanoTime() - t0;
      t0 = System.nanoTime();
      OptionalDouble uptime = store.uptimePct(Scope.fleet(), month.start(), month.end());
      long uptimeNanos = System.nanoTime() - t0;

      double mean = series.stream().mapToLong(p -> p.hashrate().mhs()).average().orElse(0);
      double nominal = layout.nominalMhs();
      double at98 = nominal * (1 - OFFLINE_PER_MILLE / 1000.0);
      double model = at98 * (1 - DEAD_BOARD_PER_MILLE / 1000.0 * (1 - DEAD_BOARD_FACTOR));
      System.out.printf("fleet hashrate over %d hourly points (%.2f s): mean %s%n", series.size(), seriesNanos / 1e9, Hashrate.ofMhs(mean));
      System.out.printf("  nameplate %s (%,d miners x %.2f TH/s mixed average); x 98%% = %s, measured/that = %.4f%n",
          Hashrate.ofMhs(nominal), layout.miners(), nominal / layout.miners() / 1e6, Hashrate.ofMhs(at98), mean / at98);
      System.out.printf("  with 0.5%% of answered miner-hours on two of three boards the model expects %s, measured/that = %.4f%n",
          Hashrate.ofMhs(model), mean / model);
      System.out.printf("fleet uptime (%.2f s): %s%n", uptimeNanos / 1e9,
          uptime.isPresent() ? String.format("%.3f%%", uptime.getAsDouble()) : "no polls");
    }
  }

  private <T> T timed(String table, SqlStep<T> step) throws SQLException {
    long t0 = System.nanoTime();
    try {
      return step.run();
    } finally {
      nanos.merge(table, System.nanoTime() - t0, Long::sum);
    }
  }

  @FunctionalInterface
  private interface SqlStep<T> {
    T run() throws SQLException;
  }

  private static String minutes(long nanos) {
    long s = Math.round(nanos / 1e9);
    return s < 60 ? s + " s" : String.format("%d min %02d s", s / 60, s % 60);
  }

  /**
   * Where each miner stands and what it is. Sites take contiguous blocks of the fleet, racks hold 40
   * machines of one model (operators rack by model), and each rack has its own /24-sized block of
   * addresses inside the site's range of second octets, so an address tells site and rack apart.
   */
  static final class FleetLayout {
    static final List<String> SITES = List.of("rockdale", "odessa", "midland", "abilene", "corsicana");
    static final int RACK_SIZE = 40;
    static final int RACKS_PER_OCTET = 250;
    /** The rack's model by rack number modulo 20: 12 s19xp, 5 s21, 2 s19jpro and 1 m50s in twenty racks. */
    static final List<String> RACK_MODELS = rackModels(Map.of("s19xp", 12, "s21", 5, "s19jpro", 2, "m50s", 1));

    private final int miners;
    private final int perSite;
    private final int racksPerSite;
    private final int octetStride;
    private final Map<String, AsicModel> models = new LinkedHashMap<>();

    FleetLayout(int miners, ModelCatalog catalog) {
      if (miners < 1) throw new IllegalArgumentException("--miners must be positive");
      this.miners = miners;
      this.perSite = (miners + SITES.size() - 1) / SITES.size();
      this.racksPerSite = (perSite + RACK_SIZE - 1) / RACK_SIZE;
      this.octetStride = Math.max(10, (racksPerSite + RACKS_PER_OCTET - 1) / RACKS_PER_OCTET);
      if (1 + SITES.size() * octetStride > 255) throw new IllegalArgumentException(miners + " miners do not fit in 10.0.0.0/8 with this layout");
      for (String id : RACK_MODELS) models.computeIfAbsent(id, k -> catalog.byId(k).orElseThrow(() -> new IllegalStateException("model " + k + " not in the catalog")));
    }

    private static List<String> rackModels(Map<String, Integer> twentieths) {
      List<String> out = new ArrayList<>();
      for (String id : List.of("s19xp", "s21", "s19jpro", "m50s")) for (int i = 0; i < twentieths.get(id); i++) out.add(id);
      return List.copyOf(out);
    }

    int miners() {
      return miners;
    }

    List<AsicModel> models() {
      return List.copyOf(models.values());
    }

    List<FleetMiner> all() {
      List<FleetMiner> out = new ArrayList<>(miners);
      for (int i = 0; i < miners; i++) out.add(miner(i));
      return out;
    }

    FleetMiner miner(int i) {
      int site = i / perSite;
      int local = i % perSite;
      int rack = local / RACK_SIZE;
      int position = local % RACK_SIZE + 1;
      String host = "10." + (1 + site * octetStride + rack / RACKS_PER_OCTET) + "." + (rack % RACKS_PER_OCTET) + "." + (10 + position);
      AsicModel model = model(i);
      MinerIdentity identity = new MinerIdentity(model.make(), model.name(), model.id(), dialect(model.make()), firmware(model.make()), null);
      return new FleetMiner(MinerAddress.of(host), identity, new MinerLocation(SITES.get(site), String.format("R%04d", rack + 1), position));
    }

    AsicModel model(int i) {
      int globalRack = (i / perSite) * racksPerSite + (i % perSite) / RACK_SIZE;
      return models.get(RACK_MODELS.get(globalRack % RACK_MODELS.size()));
    }

    /** Nameplate hashrate of the whole fleet, in MH/s. */
    double nominalMhs() {
      double sum = 0;
      for (int i = 0; i < miners; i++) sum += model(i).nominal().mhs();
      return sum;
    }

    private static Dialect dialect(Make make) {
      return switch (make) {
        case ANTMINER -> Dialect.BITMAIN;
        case WHATSMINER -> Dialect.WHATSMINER;
        case AVALON -> Dialect.AVALON;
        case UNKNOWN -> Dialect.UNKNOWN;
      };
    }

    private static String firmware(Make make) {
      return make == Make.WHATSMINER ? "btminer 3.1.0" : "bmminer 1.0.0";
    }
  }
}
