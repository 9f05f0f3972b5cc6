package io.hashfleet.money.csv;

import java.util.List;

/**
 * The outcome of an all-or-nothing import: either every row, or every error and no rows at all.
 * A half-applied import of money records is worse than none, so the two never come together.
 */
public record ImportResult<T>(List<T> rows, List<ImportError> errors) {
  public ImportResult {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
    if (!rows.isEmpty() && !errors.isEmpty()) {
      throw new IllegalArgumentException("an import with errors must not carry rows");
    }
  }

  public static <T> ImportResult<T> of(List<T> rows, List<ImportError> errors) {
    return errors.isEmpty() ? new ImportResult<>(rows, List.of()) : new ImportResult<>(List.of(), errors);
  }

  public boolean isOk() {
    return errors.isEmpty();
  }

  /** The rows, or an {@link ImportException} listing every error. */
  public List<T> orThrow() {
    if (!errors.isEmpty()) throw new ImportException(errors);
    return rows;
  }
}
