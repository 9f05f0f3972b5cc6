package io.hashfleet.cli.output;

import java.util.List;

/**
 * A horizontal bar chart in plain text, one bar per row, for series people read at a terminal:
 * a dip in fleet hashrate is seen at a glance where a column of numbers hides it.
 */
public final class BarChart {
  private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'};

  private BarChart() {}

  /** One line per value: label, bar scaled to the largest value over {@code width} cells, text. */
  public static String render(List<String> labels, List<Double> values, List<String> texts, int width) {
    double max = 0;
    for (double v : values) max = Math.max(max, v);
    int labelWidth = 0;
    for (String l : labels) labelWidth = Math.max(labelWidth, l.length());
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double cells = max == 0 ? 0 : values.get(i) / max * width;
      int full = (int) cells;
      int eighth = (int) Math.round((cells - full) * 8);
      if (eighth == 8) {
        full++;
        eighth = 0;
      }
      String bar = "█".repeat(full) + (eighth > 0 ? EIGHTHS[eighth] : "");
      b.append(String.format("%-" + labelWidth + "s │%-" + (width + 1) + "s %s%n", labels.get(i), bar, texts.get(i)));
    }
    return b.toString();
  }
}
