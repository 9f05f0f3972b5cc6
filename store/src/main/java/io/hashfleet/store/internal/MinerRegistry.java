package io.hashfleet.store.internal;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Ipv4;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The {@code miners} table. Upserts stage the batch in a temp table through the appender and merge
 * it with one INSERT … ON CONFLICT, so registering 350,000 miners after a scan is one statement
 * rather than 350,000.
 *
 * <p>It also keeps each miner's site and model in memory (a few tens of MB at 350,000 miners), so
 * the sample writer can stamp them on every row without a join per batch.
 */
public final class MinerRegistry {
  /** What the sample writer copies onto each sample. */
  public record Tags(String site, String modelId) {}

  private static final String COLUMNS =
      "address, host, port, sort_key, make, model_name, model_id, dialect, firmware, mac, site, rack, position";

  private final Database db;
  private final Map<String, Tags> tags = new ConcurrentHashMap<>();

  public MinerRegistry(Database db) {
    this.db = db;
    db.read("load registry tags", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT address, site, model_id FROM miners")) {
        while (rs.next()) tags.put(rs.getString(1), new Tags(rs.getString(2), rs.getString(3)));
      }
      return null;
    });
  }

  /** Site and model on record for a miner ("host:port"), or null when it is not registered. */
  public Tags tags(String address) {
    return tags.get(address);
  }

  /** Creates the writer's staging table; called once per open. */
  public static void prepare(DuckDBConnection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute("CREATE TEMP TABLE miner_batch AS SELECT " + COLUMNS + " FROM miners LIMIT 0");
    }
  }

  /** Adds or updates miners; a rescan that knows no location keeps the one on record. */
  public int upsert(Collection<FleetMiner> miners) {
    if (miners.isEmpty()) return 0;
    // One row per address: ON CONFLICT cannot touch the same row twice in one statement.
    Map<String, FleetMiner> unique = new LinkedHashMap<>();
    for (FleetMiner m : miners) unique.put(m.address().toString(), m);
    return db.write("upsert of " + unique.size() + " miners", c -> {
      try (DuckDBAppender a = c.createAppender("temp", "main", "miner_batch")) {
        for (FleetMiner m : unique.values()) appendRow(a, m);
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(SqlText.duckdb("miners_upsert.sql"));
        s.execute("DELETE FROM miner_batch");
      }
      // Same rule as miners_upsert.sql: a location with no part known keeps the old site.
      for (Map.Entry<String, FleetMiner> e : unique.entrySet()) {
        FleetMiner m = e.getValue();
        MinerLocation loc = m.location() == null ? MinerLocation.UNKNOWN : m.location();
        String modelId = m.identity() == null ? null : m.identity().modelId();
        Tags old = tags.get(e.getKey());
        String site = MinerLocation.UNKNOWN.equals(loc) && old != null ? old.site() : loc.site();
        tags.put(e.getKey(), new Tags(site, modelId));
      }
      return unique.size();
    });
  }

  private static void appendRow(DuckDBAppender a, FleetMiner m) throws SQLException {
    MinerAddress addr = m.address();
    MinerIdentity id = m.identity() == null ? MinerIdentity.UNKNOWN : m.identity();
    MinerLocation loc = m.location() == null ? MinerLocation.UNKNOWN : m.location();
    a.beginRow();
    a.append(addr.toString()).append(addr.host()).append(addr.port());
    Long sortKey = sortKey(addr.host());
    if (sortKey == null) a.appendNull(); else a.append(sortKey.longValue());
    a.append(id.make() == null ? Make.UNKNOWN.name() : id.make().name());
    nullable(a, id.modelName());
    nullable(a, id.modelId());
    a.append(id.dialect() == null ? Dialect.UNKNOWN.name() : id.dialect().name());
    nullable(a, id.firmware());
    nullable(a, id.mac());
    nullable(a, loc.site());
    nullable(a, loc.rack());
    if (loc.position() == null) a.appendNull(); else a.append(loc.position().intValue());
    a.endRow();
  }

  private static Long sortKey(String host) {
    try {
      return Ipv4.toLong(host);
    } catch (IllegalArgumentException e) {
      return null; // a host name: sorted after the IPv4 addresses
    }
  }

  static void nullable(DuckDBAppender a, String s) throws SQLException {
    if (s == null) a.appendNull(); else a.append(s);
  }

  public List<FleetMiner> all() {
    return db.read("list miners", c -> query(c, "", null));
  }

  public Optional<FleetMiner> find(MinerAddress address) {
    return db.read("look up miner " + address, c -> query(c, "WHERE address = ?", address.toString())).stream().findFirst();
  }

  public int count() {
    return db.read("count miners", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM miners")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private static List<FleetMiner> query(DuckDBConnection c, String where, String param) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM miners " + where + " ORDER BY sort_key NULLS LAST, host, port";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (param != null) p.setString(1, param);
      List<FleetMiner> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(read(rs, 1));
      }
      return out;
    }
  }

  /** Reads the {@link #COLUMNS} starting at column {@code first}. */
  static FleetMiner read(ResultSet rs, int first) throws SQLException {
    int i = first - 1;
    MinerAddress address = new MinerAddress(rs.getString(i + 2), rs.getInt(i + 3));
    MinerIdentity identity = new MinerIdentity(Make.valueOf(rs.getString(i + 5)), rs.getString(i + 6), rs.getString(i + 7),
        Dialect.valueOf(rs.getString(i + 8)), rs.getString(i + 9), rs.getString(i + 10));
    int pos = rs.getInt(i + 13);
    Integer position = rs.wasNull() ? null : pos;
    MinerLocation location = new MinerLocation(rs.getString(i + 11), rs.getString(i + 12), position);
    return new FleetMiner(address, identity, location);
  }

  /** The registry columns qualified with a table alias, for joins. */
  static String columns(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }
}
