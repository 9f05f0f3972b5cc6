package io.hashfleet.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prints a request's answer the way the firmware does: JSON for JSON requests, cgminer's
 * {@code KEY=value,…|} text for plain ones, joined requests as
 * {@code {"summary":[{…}],"pools":[{…}],"id":1}}, and the trailing NUL where the firmware sends one.
 */
final class ReplyWriter {
  private ReplyWriter() {}

  static byte[] render(Firmware fw, Request request, Telemetry t, boolean refusesJoins) {
    StringBuilder out = new StringBuilder(4096);
    if (request.joined()) {
      if (refusesJoins) {
        json(out, Cgminer.invalid(t, "cgminer 1.0.0"));
      } else {
        out.append('{');
        for (String cmd : request.commands()) {
          JsonOut.string(out, cmd);
          out.append(":[");
          json(out, fw.answer(cmd, request, t));
          out.append("],");
        }
        out.append("\"id\":1}");
      }
    } else {
      Reply reply = fw.answer(request.commands().get(0), request, t);
      if (request.json() || reply instanceof Reply.Document) json(out, reply);
      else text(out, (Reply.Envelope) reply);
    }
    if (fw.nulTerminated()) out.append('\0');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void json(StringBuilder out, Reply reply) {
    switch (reply) {
      case Reply.Document d -> JsonOut.write(out, d.doc());
      case Reply.Envelope e -> {
        out.append("{\"STATUS\":[");
        JsonOut.write(out, e.status());
        out.append(']');
        if (e.section() != null) {
          out.append(',');
          JsonOut.string(out, e.section());
          out.append(':');
          JsonOut.write(out, e.rows());
        }
        out.append(",\"id\":1}");
      }
    }
  }

  /** cgminer's non-JSON form: each object is "k=v,k=v|", rows led by their section name. */
  static void text(StringBuilder out, Reply.Envelope e) {
    fields(out, e.status());
    out.append('|');
    if (e.section() == null) return;
    for (Rec row : e.rows()) {
      if (!e.section().equals(row.keys.isEmpty() ? "" : row.keys.get(0)) && !isCounter(row)) out.append(e.section()).append(',');
      fields(out, row);
      out.append('|');
    }
  }

  /** Rows that start with their own counter ("POOL=0", "ASC=1") need no section prefix. */
  private static boolean isCounter(Rec row) {
    if (row.keys.isEmpty()) return false;
    String k = row.keys.get(0);
    return k.equals(k.toUpperCase()) && row.values.get(0) instanceof Integer;
  }

  private static void fields(StringBuilder out, Rec r) {
    for (int i = 0; i < r.size(); i++) {
      if (i > 0) out.append(',');
      out.append(r.keys.get(i)).append('=');
      Object v = r.values.get(i);
      if (v instanceof String s) out.append(s);
      else if (v instanceof Rec.Num n) JsonOut.number(out, n.value(), n.decimals());
      else if (v instanceof Rec || v instanceof List<?>) JsonOut.write(out, v);
      else out.append(v);
    }
  }
}
