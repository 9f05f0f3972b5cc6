package io.hashfleet.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns sized to their content, for people at a terminal. */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(Object... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) r.add(c == null ? "-" : c.toString());
    rows.add(r);
    return this;
  }

  public void print(PrintStream out) {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) w[i] = headers.get(i).length();
    for (List<String> r : rows) for (int i = 0; i < w.length && i < r.size(); i++) w[i] = Math.max(w[i], r.get(i).length());
    out.println(format(headers, w));
    for (List<String> r : rows) out.println(format(r, w));
  }

  private static String format(List<String> cells, int[] w) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      b.append(c).append(" ".repeat(w[i] - c.length() + (i < w.length - 1 ? 2 : 0)));
    }
    return b.toString().stripTrailing();
  }
}
