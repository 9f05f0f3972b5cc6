package io.hashfleet.cli.output;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal so
 * logs and pipes stay clean. Throttled to ten redraws a second.
 */
public final class Progress {
  private final PrintStream err;
  private final boolean terminal;
  private final String label;
  private long lastDraw;

  public Progress(String label) {
    this(label, System.err, System.console() != null);
  }

  Progress(String label, PrintStream err, boolean terminal) {
    this.label = label;
    this.err = err;
    this.terminal = terminal;
  }

  public synchronized void update(long done, long total, String extra) {
    if (!terminal) return;
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) return;
    lastDraw = now;
    err.print("\r" + line(done, total, extra) + "\u001b[K");
    err.flush();
  }

  public synchronized void finish() {
    if (terminal) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  String line(long done, long total, String extra) {
    int width = 30;
    int filled = total == 0 ? width : (int) (width * Math.min(done, total) / total);
    int pct = total == 0 ? 100 : (int) (100 * Math.min(done, total) / total);
    return String.format("%s [%s%s] %3d%% %,d/%,d %s", label, "#".repeat(filled), " ".repeat(width - filled), pct, done, total, extra);
  }
}
