package io.hashfleet.money.csv;

import java.util.List;

/**
 * An import that was refused as a whole. The message lists every error so a person can fix the
 * file in one pass instead of discovering problems one run at a time.
 */
public final class ImportException extends RuntimeException {
  private final transient List<ImportError> errors;

  public ImportException(List<ImportError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> errors() {
    return errors;
  }

  private static String describe(List<ImportError> errors) {
    if (errors.isEmpty()) throw new IllegalArgumentException("an import exception needs at least one error");
    StringBuilder text = new StringBuilder()
        .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(", nothing imported:");
    for (ImportError error : errors) text.append("\n  ").append(error);
    return text.toString();
  }
}
