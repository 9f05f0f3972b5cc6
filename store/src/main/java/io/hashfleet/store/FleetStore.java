package io.hashfleet.store;

import io.hashfleet.domain.Alert;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.store.internal.AlertLog;
import io.hashfleet.store.internal.Database;
import io.hashfleet.store.internal.LatestQueries;
import io.hashfleet.store.internal.MinerRegistry;
import io.hashfleet.store.internal.Migrator;
import io.hashfleet.store.internal.ParquetExport;
import io.hashfleet.store.internal.Rollups;
import io.hashfleet.store.internal.SampleWriter;
import io.hashfleet.store.internal.SeriesQueries;
import io.hashfleet.store.internal.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fleet telemetry in one embedded DuckDB file: the registry, raw samples, the latest sample per
 * miner, rollups, alerts.
 *
 * <p>Thread safety: every method may be called from any thread. Writes (registry, samples,
 * rollups, purge, alerts) share one connection and run one at a time, each in its own
 * transaction; reads run in parallel on their own duplicate connections and see committed data
 * only. So a poller appending from one thread and dashboards querying from others do not block
 * each other, with one exception: {@link #minersByState()} and {@link #latest} first fold the
 * samples appended since the last such fold into the {@code latest} table, which takes the write
 * lock for a few to a few hundred milliseconds (see SampleWriter for why latest is kept this way).
 *
 * <p>Time: every Instant is stored as a UTC TIMESTAMP, to the microsecond.
 */
public final class FleetStore implements AutoCloseable {
  private final Database db;
  private final MinerRegistry registry;
  private final SampleWriter samples;
  private final Rollups rollups;
  private final SeriesQueries series;
  private final LatestQueries latest;
  private final AlertLog alerts;

  private FleetStore(Database db) {
    this.db = db;
    this.registry = new MinerRegistry(db);
    this.samples = new SampleWriter(db, registry);
    this.rollups = new Rollups(db);
    this.series = new SeriesQueries(db);
    this.latest = new LatestQueries(db);
    this.alerts = new AlertLog(db);
  }

  /** Opens (or creates) the store in {@code file}, creating parent directories and applying new migrations. */
  public static FleetStore open(Path file) {
    Path abs = file.toAbsolutePath();
    try {
      if (abs.getParent() != null) Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(abs + ": cannot create the store's directory", e);
    }
    return start(Database.open(abs.toString()));
  }

  /** A store that lives in memory and vanishes on close; for tests and dry runs. */
  public static FleetStore inMemory() {
    return start(Database.open(""));
  }

  private static FleetStore start(Database db) {
    try {
      Migrator.migrate(db);
      db.write("prepare staging tables", c -> {
        MinerRegistry.prepare(c);
        SampleWriter.prepare(c);
        return null;
      });
      return new FleetStore(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  // Tables of other modules

  /** Runs {@code work} in one write transaction, queued with the store's other writes. */
  public <T> T write(String what, SqlWork<T> work) {
    return db.write(what, work::run);
  }

  /** Runs {@code work} on its own read connection, concurrently with writes; sees committed data. */
  public <T> T read(String what, SqlWork<T> work) {
    return db.read(what, work::run);
  }

  // Registry

  /** Adds or updates miners by address; a miner whose new location is all unknown keeps its old one. */
  public int upsertMiners(Collection<FleetMiner> miners) {
    return registry.upsert(miners);
  }

  /** Registered miners in address order (IPv4 numerically, then host names). */
  public List<FleetMiner> miners() {
    return registry.all();
  }

  public Optional<FleetMiner> miner(MinerAddress address) {
    return registry.find(address);
  }

  public int minerCount() {
    return registry.count();
  }

  // Samples

  /**
   * Appends raw samples and updates each miner's latest sample. Batches of a few thousand (a
   * second or a cycle of polling) amortise the fixed cost of about a millisecond per call. Site and
   * model are stamped from the registry, so register miners before their samples arrive.
   */
  public int appendSamples(List<MinerSample> batch) {
    return samples.append(batch);
  }

  // Rollups and retention

  /**
   * Computes every complete rollup bucket ending at or before {@code upTo} not yet computed;
   * running it twice adds nothing twice. Returns the rollup rows written.
   */
  public long rollUp(Instant upTo) {
    return rollups.rollUp(upTo);
  }

  /**
   * Deletes raw samples older than {@code olderThan}, but none that a rollup has not covered yet
   * (call {@link #rollUp} first). Rollups are kept. Returns the samples deleted.
   */
  public long purgeRaw(Instant olderThan) {
    return rollups.purgeRaw(olderThan);
  }

  // Queries

  /**
   * Average hashrate, power and miners reporting per bucket; buckets aligned to the epoch, covering
   * every bucket that overlaps [from, to). Served from the rollups when the bucket is a multiple of
   * theirs (1 h or 1 min for fleet, site, model, owner and owner site; 5 min for a miner), else
   * from raw samples.
   */
  public List<SeriesPoint> hashrateSeries(Scope scope, Instant from, Instant to, Duration bucket) {
    return series.series(scope, from, to, bucket);
  }

  /** Percentage (0–100) of polls in [from, to) that got an answer; empty when there were no polls. */
  public OptionalDouble uptimePct(Scope scope, Instant from, Instant to) {
    return series.uptimePct(scope, from, to);
  }

  /**
   * Registered miners by the health of their latest sample, every state present (zero when none).
   * Miners never polled count as {@link HealthState#OFFLINE}.
   */
  public Map<HealthState, Long> minersByState() {
    samples.mergeLatest();
    return latest.minersByState();
  }

  /**
   * Folds samples appended since the last fold into the {@code latest} table, for callers that
   * query it with their own SQL through {@link #read} (the console). Takes the write lock briefly.
   */
  public void refreshLatest() {
    samples.mergeLatest();
  }

  /** Registered miners with their latest sample, filtered, in address order. */
  public List<MinerStatus> latest(MinerQuery query) {
    samples.mergeLatest();
    return latest.list(query);
  }

  // Alerts

  /** Records an alert; false when the same kind is already open on that miner. */
  public boolean openAlert(Alert alert) {
    return alerts.open(alert);
  }

  /** Closes the open alert of that kind on the miner; false when none was open. */
  public boolean closeAlert(MinerAddress address, HealthState kind, Instant closed) {
    return alerts.close(address, kind, closed);
  }

  /** Alerts, newest first. */
  public List<Alert> alerts(boolean openOnly) {
    return alerts.list(openOnly);
  }

  // Export

  /** Writes one of the store's tables to a Parquet file (zstd), replacing the file if present. */
  public void exportParquet(String table, Path file) {
    ParquetExport.export(db, table, file);
  }

  /** Rows per table, for a status page or a sanity check after retention runs. */
  public Map<String, Long> rowCounts() {
    return Tables.rowCounts(db);
  }

  /** Folds pending latest samples in first: they live in a temp table that closing would lose. */
  @Override
  public void close() {
    try {
      samples.mergeLatest();
    } finally {
      db.close();
    }
  }
}
