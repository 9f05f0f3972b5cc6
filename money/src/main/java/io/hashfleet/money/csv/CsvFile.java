package io.hashfleet.money.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header line whose columns are found by name, so exporters may order them
 * freely and add columns of their own. Problems with the header or with a line's shape are
 * collected as {@link ImportError}s; lines that are fine are handed over as {@link Row}s for the
 * importer to interpret.
 */
public final class CsvFile {
  private final String name;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<ImportError> errors = new ArrayList<>();

  private CsvFile(String name) {
    this.name = name;
  }

  /**
   * Splits {@code text}; the first non-blank line is the header and must name every required
   * column (case and surrounding spaces do not matter). Blank lines, and lines of nothing but
   * commas that spreadsheets leave behind, are skipped.
   */
  public static CsvFile parse(String name, String text, List<String> requiredColumns) {
    CsvFile file = new CsvFile(name);
    List<CsvSplitter.Record> records = CsvSplitter.split(text).stream().filter(r -> !r.isBlank()).toList();
    if (records.isEmpty()) {
      file.error(1, "no header line; expected " + String.join(",", requiredColumns));
      return file;
    }
    if (!file.readHeader(records.getFirst(), requiredColumns)) return file;
    int width = records.getFirst().fields().size();
    for (CsvSplitter.Record record : records.subList(1, records.size())) {
      if (record.problem() != null) {
        file.error(record.line(), record.problem());
      } else if (record.fields().size() != width) {
        file.error(record.line(), "expected " + width + " fields as in the header, found " + record.fields().size());
      } else {
        file.rows.add(file.new Row(record.line(), record.fields()));
      }
    }
    return file;
  }

  private boolean readHeader(CsvSplitter.Record header, List<String> required) {
    if (header.problem() != null) {
      error(header.line(), header.problem());
      return false;
    }
    List<String> names = header.fields().stream().map(CsvFile::columnKey).toList();
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).isEmpty() && columns.putIfAbsent(names.get(i), i) != null) {
        error(header.line(), "column '" + names.get(i) + "' appears twice in the header");
      }
    }
    for (String column : required) {
      if (!columns.containsKey(columnKey(column))) {
        error(header.line(), "header has no column '" + column + "' (found: " + String.join(",", names) + ")");
      }
    }
    return errors.isEmpty();
  }

  private static String columnKey(String column) {
    return column.strip().toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  public boolean hasColumn(String column) {
    return columns.containsKey(columnKey(column));
  }

  /** Lines that were well formed, in file order. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /**
   * Every problem so far, header and shape ones plus those importers added through {@link #error},
   * in line order so the list reads top to bottom like the file.
   */
  public List<ImportError> errors() {
    return errors.stream().sorted(Comparator.comparingInt(ImportError::line)).toList();
  }

  public int errorCount() {
    return errors.size();
  }

  public void error(int line, String message) {
    errors.add(new ImportError(name, line, message));
  }

  /** A data line, read by column name. */
  public final class Row {
    private final int line;
    private final List<String> fields;

    private Row(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }

    public int line() {
      return line;
    }

    /** The field with surrounding spaces removed, or {@code null} when the file has no such column. */
    public String get(String column) {
      Integer index = columns.get(columnKey(column));
      return index == null ? null : fields.get(index).strip();
    }
  }
}
