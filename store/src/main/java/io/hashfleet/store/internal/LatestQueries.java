package io.hashfleet.store.internal;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Power;
import io.hashfleet.store.LatestReading;
import io.hashfleet.store.MinerQuery;
import io.hashfleet.store.MinerStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Questions about the fleet now, answered from {@code miners} joined with {@code latest} (one row
 * per miner), never from the samples table. Registered miners that were never polled count as
 * offline: as far as the store knows they have not answered.
 */
public final class LatestQueries {
  private static final String READING =
      "epoch_us(l.sampled_at), l.health, l.detail, l.answered, l.hashrate_mhs, l.hashrate_avg_mhs, l.power_w, l.temp_max_c,"
          + " l.boards_alive, l.boards_total, l.fan_min_rpm, l.fan_max_rpm, l.accepted, l.rejected, l.stale,"
          + " l.hw_errors, l.uptime_s, l.pool_url, l.fans_rpm";

  private final Database db;

  public LatestQueries(Database db) {
    this.db = db;
  }

  /** Every state with its count of registered miners, zero counts included. */
  public Map<HealthState, Long> minersByState() {
    return db.read("miners by state", c -> {
      Map<HealthState, Long> out = new EnumMap<>(HealthState.class);
      for (HealthState s : HealthState.values()) out.put(s, 0L);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT coalesce(l.health, 'offline'), count(*) FROM miners m"
              + " LEFT JOIN latest l ON l.address = m.address GROUP BY 1")) {
        while (rs.next()) out.merge(HealthState.fromCode(rs.getString(1)), rs.getLong(2), Long::sum);
      }
      return out;
    });
  }

  /** Registered miners with their latest sample, in address order. */
  public List<MinerStatus> list(MinerQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    if (q.site() != null) {
      where.append(" AND m.site = ?");
      params.add(q.site());
    }
    if (q.modelId() != null) {
      where.append(" AND m.model_id = ?");
      params.add(q.modelId());
    }
    if (q.health() != null) {
      where.append(" AND coalesce(l.health, 'offline') = ?");
      params.add(q.health().code());
    }
    params.add((long) q.limit());
    String sql = "SELECT " + MinerRegistry.columns("m") + ", " + READING + " FROM miners m LEFT JOIN latest l ON l.address = m.address"
        + where + " ORDER BY m.sort_key NULLS LAST, m.host, m.port LIMIT ?";
    return db.read("list of miners", c -> {
      try (PreparedStatement p = SeriesQueries.prepare(c.prepareStatement(sql), params); ResultSet rs = p.executeQuery()) {
        List<MinerStatus> out = new ArrayList<>();
        while (rs.next()) out.add(new MinerStatus(MinerRegistry.read(rs, 1), reading(rs, 14)));
        return out;
      }
    });
  }

  private static LatestReading reading(ResultSet rs, int i) throws SQLException {
    long at = rs.getLong(i);
    if (rs.wasNull()) return null;
    Integer power = integer(rs, i + 6);
    return new LatestReading(Times.instant(at), HealthState.fromCode(rs.getString(i + 1)), rs.getString(i + 2), rs.getBoolean(i + 3),
        new Hashrate(rs.getLong(i + 4)), new Hashrate(rs.getLong(i + 5)), power == null ? null : Power.ofWatts(power),
        (Double) rs.getObject(i + 7), integer(rs, i + 8), integer(rs, i + 9), integer(rs, i + 10), integer(rs, i + 11),
        longOrNull(rs, i + 12), longOrNull(rs, i + 13), longOrNull(rs, i + 14), longOrNull(rs, i + 15), longOrNull(rs, i + 16),
        rs.getString(i + 17), fans(rs.getString(i + 18)));
  }

  private static List<Integer> fans(String csv) {
    if (csv == null || csv.isEmpty()) return List.of();
    List<Integer> out = new ArrayList<>();
    for (String v : csv.split(",")) out.add(Integer.parseInt(v));
    return List.copyOf(out);
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }
}
