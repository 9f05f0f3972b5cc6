package io.hashfleet.money.csv;

import java.util.Objects;

/**
 * One problem found while importing a file, tied to the line a person would open in an editor.
 * Kept as plain data so a failed import can be shown, stored or compared without parsing messages.
 */
public record ImportError(String file, int line, String message) {
  public ImportError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 1) throw new IllegalArgumentException("line numbers start at 1, got " + line);
  }

  /** The compiler-style form {@code payouts.csv:7: bad date '2024-13-01' in paid_at}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
