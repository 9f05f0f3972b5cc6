package io.hashfleet.store.internal;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Power;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Hashrate series and uptime for a scope.
 *
 * <p>Every answer is built from rows at some grain: the rollup table whose bucket width divides the
 * requested one (1 h for ranges over 31 days, else 1 min for groups, owners included; 5 min for one miner) for buckets before its
 * watermark, and the same aggregation computed live from raw samples after it. One statement reads
 * both halves and the watermark, so it sees one consistent snapshot. A bucket no rollup divides is
 * computed from raw samples alone, which is only fast over the raw retention window.
 */
public final class SeriesQueries {
  /** Rows at one grain: where they come from and how wide they are. */
  private record Source(Rollup rollup, long grainUs) {}

  /** Ranges longer than this read hourly rollups when the bucket allows. */
  static final long HOURLY_FROM_US = 31 * 24 * Times.HOUR_US;

  private final Database db;

  public SeriesQueries(Database db) {
    this.db = db;
  }

  /** Buckets aligned to the epoch; every bucket overlapping [from, to) is returned if it has data. */
  public List<SeriesPoint> series(Scope scope, Instant from, Instant to, Duration bucket) {
    long width = Times.micros(bucket);
    if (width <= 0) throw new IllegalArgumentException("bucket must be positive, got " + bucket);
    long fromUs = Times.floor(Times.micros(from), width);
    long toUs = Times.ceil(Times.micros(to), width);
    Source source = source(scope, width, toUs - fromUs);
    List<Object> params = new ArrayList<>();
    String rows = rows(scope, source, fromUs, toUs, params);
    String sql = "SELECT (bucket_us // " + width + ") * " + width + " AS b, avg(hashrate_mhs), avg(power_w), avg(miners_reporting)"
        + " FROM (" + rows + ") r GROUP BY 1 ORDER BY 1";
    return db.read("hashrate series for " + scope, c -> {
      try (PreparedStatement p = prepare(c.prepareStatement(sql), params); ResultSet rs = p.executeQuery()) {
        List<SeriesPoint> out = new ArrayList<>();
        while (rs.next()) {
          double power = rs.getDouble(3);
          Power pw = rs.wasNull() ? null : Power.ofWatts(Math.round(power));
          out.add(new SeriesPoint(Times.instant(rs.getLong(1)), new Hashrate(Math.round(rs.getDouble(2))), pw,
              (int) Math.round(rs.getDouble(4))));
        }
        return out;
      }
    });
  }

  /** Percentage of polls in [from, to) that the scope's miners answered; empty when there were none. */
  public OptionalDouble uptimePct(Scope scope, Instant from, Instant to) {
    long fromUs = Times.micros(from);
    long toUs = Times.micros(to);
    Source source = null;
    for (Rollup r : rollupsFor(scope)) {
      if (r == Rollup.GROUP_1H && toUs - fromUs <= HOURLY_FROM_US) continue;
      if (fromUs % r.widthUs() == 0 && toUs % r.widthUs() == 0) {
        source = new Source(r, r.widthUs());
        break;
      }
    }
    // Unaligned range: raw only, in buckets as wide as the range (the width does not affect sums).
    if (source == null) source = new Source(null, Math.max(1, toUs - fromUs));
    List<Object> params = new ArrayList<>();
    String sql = "SELECT sum(samples_answered), sum(samples) FROM (" + rows(scope, source, fromUs, toUs, params) + ") r";
    Source s = source;
    return db.read("uptime for " + scope, c -> {
      try (PreparedStatement p = prepare(c.prepareStatement(sql), params); ResultSet rs = p.executeQuery()) {
        rs.next();
        long answered = rs.getLong(1);
        long total = rs.getLong(2);
        if (total == 0) return OptionalDouble.empty();
        return OptionalDouble.of(100.0 * answered / total);
      }
    });
  }

  /**
   * The hourly rollup only for ranges past {@link #HOURLY_FROM_US}: its newest hour is always
   * computed live from raw samples, up to an hour of them (21 million rows at 350,000 miners),
   * whereas the minute rollup leaves at most a minute or two to compute live. For shorter ranges
   * minutes are cheap to average (1,440 rows a day per scope).
   */
  private static Source source(Scope scope, long width, long rangeUs) {
    for (Rollup r : rollupsFor(scope)) {
      if (r == Rollup.GROUP_1H && rangeUs <= HOURLY_FROM_US) continue;
      if (width % r.widthUs() == 0) return new Source(r, r.widthUs());
    }
    return new Source(null, width);
  }

  private static List<Rollup> rollupsFor(Scope scope) {
    return scope instanceof Scope.Miner ? List.of(Rollup.MINER_5M) : List.of(Rollup.GROUP_1H, Rollup.GROUP_1M);
  }

  /**
   * SQL for rows (bucket_us, hashrate_mhs, power_w, miners_reporting, samples, samples_answered) at
   * the source's grain over [fromUs, toUs), appending its bind parameters to {@code params}.
   */
  private static String rows(Scope scope, Source source, long fromUs, long toUs, List<Object> params) {
    String rolled = null;
    String rawStart = "make_timestamp(?)";
    if (source.rollup() != null) {
      Rollup r = source.rollup();
      String wm = r.watermarkSql();
      String metrics = scope instanceof Scope.Miner
          ? "hashrate_mhs, power_w, CASE WHEN samples_answered > 0 THEN 1 ELSE 0 END AS miners_reporting, samples, samples_answered"
          : "hashrate_mhs, power_w, miners_reporting, samples, samples_answered";
      rolled = "SELECT epoch_us(bucket) AS bucket_us, " + metrics + " FROM " + r.table() + " WHERE " + rollupFilter(scope, params)
          + " AND bucket >= make_timestamp(?) AND bucket < make_timestamp(?) AND bucket < " + wm;
      params.add(fromUs);
      params.add(toUs);
      rawStart = "greatest(make_timestamp(?), " + wm + ")";
    }
    params.add(fromUs);
    params.add(toUs);
    String where = "sampled_at >= " + rawStart + " AND sampled_at < make_timestamp(?)" + rawFilter(scope, params);
    String perMiner = Rollup.perMiner(source.grainUs(), where);
    String raw = scope instanceof Scope.Miner
        ? "SELECT bucket_us, hashrate_mhs, power_w, CASE WHEN samples_answered > 0 THEN 1 ELSE 0 END AS miners_reporting,"
            + " samples, samples_answered FROM (" + perMiner + ") pm"
        : "SELECT bucket_us, sum(hashrate_mhs) AS hashrate_mhs, sum(power_w) AS power_w,"
            + " count(*) FILTER (WHERE samples_answered > 0) AS miners_reporting, sum(samples) AS samples,"
            + " sum(samples_answered) AS samples_answered FROM (" + perMiner + ") pm GROUP BY bucket_us";
    return rolled == null ? raw : rolled + " UNION ALL " + raw;
  }

  private static String rollupFilter(Scope scope, List<Object> params) {
    return switch (scope) {
      case Scope.Fleet f -> "scope_kind = 'fleet'";
      case Scope.Site s -> {
        params.add(s.name());
        yield "scope_kind = 'site' AND scope_key = ?";
      }
      case Scope.Model m -> {
        params.add(m.id());
        yield "scope_kind = 'model' AND scope_key = ?";
      }
      case Scope.Miner m -> {
        params.add(m.address().toString());
        yield "address = ?";
      }
      case Scope.Owner o -> {
        params.add(o.tenant());
        yield "scope_kind = 'owner' AND scope_key = ?";
      }
      case Scope.OwnerSite os -> {
        params.add(os.tenant() + "/" + os.site());
        yield "scope_kind = 'owner_site' AND scope_key = ?";
      }
    };
  }

  private static String rawFilter(Scope scope, List<Object> params) {
    return switch (scope) {
      case Scope.Fleet f -> "";
      case Scope.Site s -> {
        params.add(s.name());
        yield " AND coalesce(site, '') = ?";
      }
      case Scope.Model m -> {
        params.add(m.id());
        yield " AND coalesce(model_id, '') = ?";
      }
      case Scope.Miner m -> {
        params.add(m.address().toString());
        yield " AND address = ?";
      }
      // Ownership as it is now; rollups keep the owner a miner had when its bucket was rolled up.
      case Scope.Owner o -> {
        params.add(o.tenant());
        yield " AND address IN (SELECT address FROM miner_owners WHERE tenant = ?)";
      }
      case Scope.OwnerSite os -> {
        params.add(os.tenant());
        params.add(os.site());
        yield " AND address IN (SELECT address FROM miner_owners WHERE tenant = ?) AND coalesce(site, '') = ?";
      }
    };
  }

  static PreparedStatement prepare(PreparedStatement p, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) p.setObject(i + 1, params.get(i));
    return p;
  }
}
