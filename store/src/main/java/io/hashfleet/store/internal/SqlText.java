package io.hashfleet.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SQL kept in resource files, loaded once, with {@code {name}} placeholders for trusted values. */
public final class SqlText {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlText() {}

  /** The text of a classpath resource such as {@code /io/hashfleet/store/duckdb/latest_upsert.sql}. */
  public static String load(String resource) {
    return CACHE.computeIfAbsent(resource, SqlText::read);
  }

  /** A DuckDB query from this package's {@code duckdb/} folder. */
  public static String duckdb(String file) {
    return load("/io/hashfleet/store/duckdb/" + file);
  }

  /**
   * Replaces {@code {key}} with values. Only for numbers and fixed identifiers the store builds
   * itself; user input always goes through bind parameters.
   */
  public static String fill(String sql, Map<String, ?> values) {
    String out = sql;
    for (Map.Entry<String, ?> e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
    return out;
  }

  /**
   * Splits a script into statements at semicolons ending a line, after dropping {@code --} comment
   * lines. Enough for migration files we write ourselves (no semicolons inside strings at line end).
   */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) continue;
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) out.add(current.toString().strip());
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SqlText.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("SQL resource missing from the classpath: " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL resource " + resource, e);
    }
  }
}
