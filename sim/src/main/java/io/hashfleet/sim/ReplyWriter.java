package io.hashfleet.sim;

import java.util.List;

/**
 * Prints a request's answer the way the firmware does: JSON for JSON requests, cgminer's
 * {@code KEY=value,…|} text for plain ones, joined requests as
 * {@code {"summary":[{…}],"pools":[{…}],"id":1}}, and the trailing NUL where the firmware sends one.
 */
final class ReplyWriter {
  private ReplyWriter() {}

  /**
   * Prints the reply into {@code out}, which the caller sends with one write. Joined requests are
   * reports only: firmware takes commands that change the miner one per connection.
   */
  static void render(Ascii out, Firmware fw, Request request, Telemetry t, boolean refusesJoins, Actions miner) {
    if (request.joined()) {
      if (refusesJoins) {
        json(out, Cgminer.invalid(t, "cgminer 1.0.0"));
      } else {
        out.append('{');
        for (String cmd : request.commands()) {
          out.quoted(cmd).append(":[");
          json(out, fw.answer(cmd, request, t));
          out.append("],");
        }
        out.append("\"id\":1}");
      }
    } else {
      String command = request.commands().get(0);
      Reply reply = fw.act(command, request, t, miner);
      if (reply == null) reply = fw.answer(command, request, t);
      if (request.json() || reply instanceof Reply.Document) json(out, reply);
      else text(out, (Reply.Envelope) reply);
    }
    if (fw.nulTerminated()) out.append('\0');
  }

  static void json(Ascii out, Reply reply) {
    switch (reply) {
      case Reply.Document d -> JsonOut.write(out, d.doc());
      case Reply.Envelope e -> {
        out.append("{\"STATUS\":[");
        JsonOut.write(out, e.status());
        out.append(']');
        if (e.section() != null) {
          out.append(',').quoted(e.section()).append(":[");
          List<Rec> rows = e.rows();
          for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && !e.runTogether()) out.append(',');
            JsonOut.write(out, rows.get(i));
          }
          out.append(']');
        }
        out.append(",\"id\":1}");
      }
    }
  }

  /** cgminer's non-JSON form: each object is "k=v,k=v|", rows led by their section name. */
  static void text(Ascii out, Reply.Envelope e) {
    fields(out, e.status());
    out.append('|');
    if (e.section() == null) return;
    for (Rec row : e.rows()) {
      if (!e.section().equals(row.size() == 0 ? "" : row.key(0)) && !isCounter(row)) out.append(e.section()).append(',');
      fields(out, row);
      out.append('|');
    }
  }

  /** Rows that start with their own counter ("POOL=0", "ASC=1") need no section prefix. */
  private static boolean isCounter(Rec row) {
    if (row.size() == 0 || !(row.value(0) instanceof Integer)) return false;
    String k = row.key(0);
    for (int i = 0; i < k.length(); i++) if (Character.isLowerCase(k.charAt(i))) return false;
    return true;
  }

  private static void fields(Ascii out, Rec r) {
    for (int i = 0; i < r.size(); i++) {
      if (i > 0) out.append(',');
      out.append(r.key(i)).append('=');
      Object v = r.value(i);
      // strings go bare in the text form; numbers, objects and arrays print as in JSON
      if (v instanceof String s) out.append(s);
      else if (v instanceof Rec.NumText n) out.fixed(n.value(), n.decimals());
      else JsonOut.write(out, v);
    }
  }
}
