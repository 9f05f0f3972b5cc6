package io.hashfleet.money.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records the RFC 4180 way: fields in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}). Each record remembers the line it starts on, because that
 * is the line a person goes looking for when an error names it.
 *
 * <p>Lenient where spreadsheets and hand edits are sloppy but the meaning is plain (spaces around a
 * quoted field, CRLF or CR line ends, a byte-order mark); strict where the meaning is not (text
 * after a closing quote, a quote left open).
 */
final class CsvSplitter {
  /** One record; {@code problem} is non-null when its quoting is broken and its fields are unreliable. */
  record Record(int line, List<String> fields, String problem) {
    boolean isBlank() {
      return problem == null && fields.stream().allMatch(String::isBlank);
    }
  }

  private CsvSplitter() {}

  static List<Record> split(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    boolean inQuotes = false;
    boolean afterClosingQuote = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
          afterClosingQuote = true;
        } else {
          if (c == '\n') line++;
          field.append(c);
        }
      } else if (c == ',' || c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        afterClosingQuote = false;
        if (c == '\n') {
          records.add(new Record(recordLine, List.copyOf(fields), problem));
          fields.clear();
          problem = null;
          line++;
          recordLine = line;
        }
      } else if (afterClosingQuote) {
        if (!Character.isWhitespace(c) && problem == null) problem = "unexpected text after a closing quote";
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0); // spaces before an opening quote are layout, not content
        inQuotes = true;
      } else {
        field.append(c);
      }
    }
    if (inQuotes) problem = "quoted field opened on line " + recordLine + " is never closed";
    if (inQuotes || !field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields), problem));
    }
    return records;
  }
}
