package io.hashfleet.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

/** Table to Parquet with DuckDB's COPY, for analysis in other tools. */
public final class ParquetExport {
  private ParquetExport() {}

  public static void export(Database db, String table, Path file) {
    Tables.check(table, "export");
    Path abs = file.toAbsolutePath();
    try {
      if (abs.getParent() != null) Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(abs + ": cannot create directory for the Parquet export", e);
    }
    String path = abs.toString().replace("'", "''");
    db.read("export of " + table + " to " + abs, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("COPY (SELECT * FROM " + table + ") TO '" + path + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
      }
      return null;
    });
  }
}
