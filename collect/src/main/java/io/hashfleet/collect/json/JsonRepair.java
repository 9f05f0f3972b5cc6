package io.hashfleet.collect.json;

/**
 * One pass over a reply that mends the faults firmware is known to produce, without regexes (this
 * runs on every poll of every miner). It copies nothing until it meets a fault, and then only the
 * stretches between faults, in bulk: real bmminer {@code stats} always has a {@code }{}, so the
 * repair path is a hot path too.
 *
 * <p>Outside strings it drops NULs and byte-order marks, inserts the comma between run-together
 * values ({@code }{}, {@code ]{}, {@code ""temp0}), drops stray commas ({@code [,}, {@code ,,}, a
 * comma at the top level), turns a leading comma into the lost opening brace, and turns bare
 * {@code nan}/{@code inf} into tokens Jackson's lenient mode reads. A comma before a closer is left
 * for Jackson, which is configured to allow it. Objects are never dropped: if the top level holds
 * several values run together, they are wrapped in an array. A reply that ends inside a string or
 * with open brackets is truncated, and rejected.
 */
final class JsonRepair {
  private JsonRepair() {}

  static String repair(String raw, String source) throws ReplyFormatException {
    // trailing NULs and whitespace carry nothing; leaving them off spares an edit on most replies
    int n = contentEnd(raw);
    CopyOnEdit out = new CopyOnEdit(raw);
    int depth = 0;
    int topValues = 0;
    boolean inString = false;
    boolean sawContent = false;
    // last significant character outside strings ('v' for the end of a bare value), to decide on commas
    char last = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (inString) {
        int j = i;
        while (j < n) {
          char d = raw.charAt(j);
          if (d == '"' || d == '\\' || d == 0) break;
          j++;
        }
        if (j == n) break;
        char d = raw.charAt(j);
        if (d == '\\') {
          i = j + 1; // the escaped character stays, whatever it is
        } else if (d == '"') {
          inString = false;
          last = '"';
          i = j;
        } else {
          out.drop(j, j + 1); // a NUL inside a string
          i = j;
        }
        continue;
      }
      if (c == 0 || c == '\uFEFF') {
        out.drop(i, i + 1);
        continue;
      }
      if (isSpace(c)) continue;
      if (!sawContent) {
        sawContent = true;
        if (c == ',') {
          // Avalon fragment that lost its opening brace: ',"id":1}' -> '{"id":1}'
          out.replace(i, i + 1, "{");
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
          if (depth > 0 && endsValue(last)) out.insert(i, ',');
          inString = true;
        }
        case '{', '[' -> {
          if (depth == 0) {
            // run-together top-level values: keep each, separated, and wrap them below
            if (topValues++ > 0) out.insert(i, ',');
          } else if (endsValue(last)) {
            out.insert(i, ',');
          }
          depth++;
          last = c;
        }
        case '}', ']' -> {
          if (depth == 0) throw new ReplyFormatException(source + ": unbalanced '" + c + "' in reply: " + ReplyFormatException.excerpt(raw));
          depth--;
          last = c;
        }
        case ',' -> {
          // a comma right after an opener, a colon or another comma ("[,{" and ",,"), or between
          // top-level values, separates nothing
          if (last == '[' || last == '{' || last == ',' || last == ':' || depth == 0) out.drop(i, i + 1);
          else last = c;
        }
        case ':' -> last = c;
        default -> {
          i = bareWord(raw, i, n, out) - 1;
          last = 'v';
        }
      }
    }
    if (inString || depth != 0) {
      throw new ReplyFormatException(source + ": truncated reply (" + (inString ? "ends inside a string" : depth + " unclosed brackets")
          + "): " + ReplyFormatException.excerpt(tail(raw)));
    }
    if (!sawContent) throw new ReplyFormatException(source + ": empty reply");
    return out.result(n, topValues > 1);
  }

  /** Whitespace as the original repair saw it; the common ASCII cases without a table lookup. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || ((c < ' ' || c > 0x7f) && Character.isWhitespace(c));
  }

  /** After a string, a closed container or a bare value, the next value needs a comma. */
  private static boolean endsValue(char last) {
    return last == '"' || last == '}' || last == ']' || last == 'v';
  }

  /** The length of {@code raw} without its trailing NULs and whitespace. */
  private static int contentEnd(String raw) {
    int n = raw.length();
    while (n > 0) {
      char c = raw.charAt(n - 1);
      if (c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      n--;
    }
    return n;
  }

  /** Passes over a bare token (number, true, nan...) starting at {@code i}; returns the index after it. */
  private static int bareWord(String raw, int i, int n, CopyOnEdit out) {
    int end = i;
    while (end < n) {
      char c = raw.charAt(end);
      if (c == ',' || c == '}' || c == ']' || c == ':' || c == '"' || c == '{' || c == '[' || c <= ' ') break;
      end++;
    }
    if (end == i) end = i + 1;
    char first = raw.charAt(i);
    char second = end - i > 1 ? raw.charAt(i + 1) : 0;
    // only words that start like nan/inf need a look; numbers, true, false and null stay as they are
    boolean maybeNonFinite = isNi(first) || ((first == '-' || first == '+') && isNi(second));
    if (!maybeNonFinite) return end;
    String word = raw.substring(i, end);
    String token = switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "nan", "-nan", "+nan", "-nan(ind)" -> "NaN";
      case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
      case "-inf", "-infinity" -> "-Infinity";
      default -> word;
    };
    if (!token.equals(word)) out.replace(i, end, token);
    return end;
  }

  private static boolean isNi(char c) {
    return c == 'n' || c == 'N' || c == 'i' || c == 'I';
  }

  private static String tail(String raw) {
    return raw.length() <= 60 ? raw : "..." + raw.substring(raw.length() - 60);
  }
}
