package io.hashfleet.collect.json;

import java.io.IOException;

/**
 * A miner answered, but with text that cannot be read as the reply expected: truncated, not JSON,
 * or missing the sections a driver needs.
 *
 * <p>It is an {@link IOException} because to a poller it is one more way a miner failed to answer
 * usefully; callers that already handle timeouts and resets handle this too.
 */
public class ReplyFormatException extends IOException {
  private static final int EXCERPT = 80;

  public ReplyFormatException(String message) {
    super(message);
  }

  public ReplyFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same problem, with {@code source} (usually the miner's address) put first. */
  public ReplyFormatException about(String source) {
    ReplyFormatException e = new ReplyFormatException(source + ": " + getMessage(), getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** A short, printable piece of {@code text} for an error message. */
  public static String excerpt(String text) {
    if (text == null) return "<null>";
    String t = text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
    StringBuilder b = new StringBuilder(t.length() + 8).append('\'');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n') b.append("\\n");
      else if (c == '\r') b.append("\\r");
      else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
      else b.append(c);
    }
    b.append('\'');
    if (text.length() > EXCERPT) b.append("... (").append(text.length()).append(" chars)");
    return b.toString();
  }
}
