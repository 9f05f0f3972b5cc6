package io.hashfleet.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * Applies the versioned scripts under {@code db/migration/} in order and records each one in
 * {@code schema_version}, so re-opening a store applies only the new ones.
 *
 * <p>The scripts are listed in {@code db/migration/migrations.txt} because a jar cannot be listed
 * portably; the list must hold V1, V2, … without gaps, which this class checks.
 */
public final class Migrator {
  static final String FOLDER = "/db/migration/";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  /** One migration script. */
  public record Migration(int version, String description, String resource) {}

  private Migrator() {}

  /** The migrations shipped with this build, in order. */
  public static List<Migration> available() {
    List<Migration> out = new ArrayList<>();
    for (String line : SqlText.load(FOLDER + "migrations.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) continue;
      Matcher m = NAME.matcher(name);
      if (!m.matches()) throw new IllegalStateException("migrations.txt: '" + name + "' is not named V<n>__<description>.sql");
      int version = Integer.parseInt(m.group(1));
      if (version != out.size() + 1) {
        throw new IllegalStateException("migrations.txt: expected V" + (out.size() + 1) + " next, found " + name);
      }
      out.add(new Migration(version, m.group(2).replace('_', ' '), FOLDER + name));
    }
    return out;
  }

  /** Applies what is missing, each script in its own transaction; returns the versions applied. */
  public static List<Integer> migrate(Database db) {
    db.write("create schema_version", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, "
            + "applied_at TIMESTAMP NOT NULL)");
      }
      return null;
    });
    int current = db.read("read schema_version", Migrator::currentVersion);
    List<Integer> applied = new ArrayList<>();
    for (Migration m : available()) {
      if (m.version() <= current) continue;
      db.write("migration V" + m.version() + " (" + m.description() + ")", c -> {
        apply(c, m);
        return null;
      });
      applied.add(m.version());
    }
    return applied;
  }

  static int currentVersion(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void apply(DuckDBConnection c, Migration m) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : SqlText.statements(SqlText.load(m.resource()))) s.execute(sql);
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, make_timestamp(?))")) {
      p.setInt(1, m.version());
      p.setString(2, m.description());
      p.setLong(3, Times.micros(java.time.Instant.now()));
      p.executeUpdate();
    }
  }
}
