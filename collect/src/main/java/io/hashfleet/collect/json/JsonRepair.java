package io.hashfleet.collect.json;

/**
 * One pass over a reply that mends the faults firmware is known to produce, without regexes (this
 * runs on every poll of every miner).
 *
 * <p>Outside strings it drops NULs, inserts the comma between run-together values ({@code }{},
 * {@code ]{}, {@code ""temp0}), drops stray commas ({@code [,}, {@code ,}}, {@code ,]}, a leading
 * comma), and turns bare {@code nan}/{@code inf} into tokens Jackson's lenient mode reads. Objects
 * are never dropped: if the top level holds several values run together, they are wrapped in an
 * array. A reply that ends inside a string or with open brackets is truncated, and rejected.
 */
final class JsonRepair {
  private JsonRepair() {}

  static String repair(String raw, String source) throws ReplyFormatException {
    int n = raw.length();
    StringBuilder out = new StringBuilder(n + 16);
    int depth = 0;
    int topValues = 0;
    boolean inString = false;
    boolean sawContent = false;
    // last significant character written outside strings, to decide on commas
    char last = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (inString) {
        // copy the run up to the next quote, backslash or NUL in one go
        int j = i;
        while (j < n) {
          char d = raw.charAt(j);
          if (d == '"' || d == '\\' || d == 0) break;
          j++;
        }
        out.append(raw, i, j);
        if (j == n) break;
        char d = raw.charAt(j);
        if (d == '\\') {
          out.append(d);
          if (j + 1 < n) out.append(raw.charAt(j + 1));
          i = j + 1;
        } else if (d == '"') {
          out.append(d);
          inString = false;
          last = '"';
          i = j;
        } else {
          i = j; // drop the NUL
        }
        continue;
      }
      if (c == 0 || Character.isWhitespace(c) || c == '\uFEFF') {
        if (c != 0 && c != '\uFEFF') out.append(c == '\n' || c == '\r' ? ' ' : c);
        continue;
      }
      if (!sawContent) {
        sawContent = true;
        if (c == ',') {
          // Avalon fragment that lost its opening brace: ',"id":1}' -> '{"id":1}'
          out.append('{');
          depth++;
          topValues++;
          last = '{';
          continue;
        }
        if (c != '{' && c != '[') {
          throw new ReplyFormatException(source + ": reply is not JSON: " + ReplyFormatException.excerpt(raw));
        }
      }
      switch (c) {
        case '"' -> {
          if (last == '"' || last == '}' || last == ']' || isValueEnd(last)) {
            if (depth > 0) out.append(',');
          }
          inString = true;
          out.append(c);
        }
        case '{', '[' -> {
          if (depth == 0) {
            // run-together top-level objects: keep each, separated, and wrap them below
            if (topValues++ > 0) out.append(',');
          } else if (last == '}' || last == ']' || last == '"' || isValueEnd(last)) {
            out.append(',');
          }
          depth++;
          out.append(c);
          last = c;
        }
        case '}', ']' -> {
          if (depth == 0) throw new ReplyFormatException(source + ": unbalanced '" + c + "' in reply: " + ReplyFormatException.excerpt(raw));
          trimTrailingComma(out);
          depth--;
          out.append(c);
          last = c;
        }
        case ',' -> {
          // drop a comma right after an opener or another comma: "[,{" and ",,"
          if (last != '[' && last != '{' && last != ',' && last != ':' && depth > 0) {
            out.append(c);
            last = c;
          }
        }
        case ':' -> {
          out.append(c);
          last = c;
        }
        default -> i = bareWord(raw, i, out) - 1;
      }
      if (c != '"' && c != '{' && c != '[' && c != '}' && c != ']' && c != ',' && c != ':') last = 'v';
    }
    if (inString || depth != 0) {
      throw new ReplyFormatException(source + ": truncated reply (" + (inString ? "ends inside a string" : depth + " unclosed brackets")
          + "): " + ReplyFormatException.excerpt(tail(raw)));
    }
    if (!sawContent) throw new ReplyFormatException(source + ": empty reply");
    if (topValues > 1) {
      // several top-level objects back to back: keep them all
      return "[" + out + "]";
    }
    return out.toString();
  }

  private static boolean isValueEnd(char last) {
    return last == 'v';
  }

  private static void trimTrailingComma(StringBuilder out) {
    int j = out.length() - 1;
    while (j >= 0 && out.charAt(j) == ' ') j--;
    if (j >= 0 && out.charAt(j) == ',') out.setLength(j);
  }

  /** Copies a bare token (number, true, nan...) starting at {@code i}; returns the index after it. */
  private static int bareWord(String raw, int i, StringBuilder out) {
    int end = i;
    while (end < raw.length()) {
      char c = raw.charAt(end);
      if (c == ',' || c == '}' || c == ']' || c == ':' || c == '"' || c == '{' || c == '[' || c <= ' ') break;
      end++;
    }
    if (end == i) end = i + 1;
    char first = raw.charAt(i);
    char second = end - i > 1 ? raw.charAt(i + 1) : 0;
    // only words that start like nan/inf need a look; numbers, true, false and null copy straight
    boolean maybeNonFinite = isNi(first) || ((first == '-' || first == '+') && isNi(second));
    if (!maybeNonFinite) {
      out.append(raw, i, end);
      return end;
    }
    out.append(switch (raw.substring(i, end).toLowerCase(java.util.Locale.ROOT)) {
      case "nan", "-nan", "+nan", "-nan(ind)" -> "NaN";
      case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
      case "-inf", "-infinity" -> "-Infinity";
      default -> raw.substring(i, end);
    });
    return end;
  }

  private static boolean isNi(char c) {
    return c == 'n' || c == 'N' || c == 'i' || c == 'I';
  }

  private static String tail(String raw) {
    return raw.length() <= 60 ? raw : "..." + raw.substring(raw.length() - 60);
  }
}
