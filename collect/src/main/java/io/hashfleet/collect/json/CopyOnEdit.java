package io.hashfleet.collect.json;

/**
 * The text of a reply as {@link JsonRepair} edits it, copied only from the first edit on. Most
 * replies need no edit, or one or two, so the verbatim stretches between edits are copied in bulk
 * and a clean reply is returned as the very same string.
 */
final class CopyOnEdit {
  private final String src;
  /** null until the first edit: until then the result is a prefix of {@code src} */
  private StringBuilder out;
  /** src[0..kept) has been dealt with: copied to out, or dropped */
  private int kept;

  CopyOnEdit(String src) {
    this.src = src;
  }

  /** Puts {@code c} before src[at]. */
  void insert(int at, char c) {
    copyTo(at);
    out.append(c);
  }

  /** Leaves out src[from..to). */
  void drop(int from, int to) {
    copyTo(from);
    kept = to;
  }

  /** Writes {@code text} in place of src[from..to). */
  void replace(int from, int to, String text) {
    copyTo(from);
    out.append(text);
    kept = to;
  }

  /** The edited text of src[0..end), wrapped in brackets when {@code asArray}. */
  String result(int end, boolean asArray) {
    if (out == null && !asArray) return end == src.length() ? src : src.substring(0, end);
    copyTo(end);
    if (asArray) out.insert(0, '[').append(']');
    return out.toString();
  }

  private void copyTo(int at) {
    if (out == null) out = new StringBuilder(src.length() + 16);
    out.append(src, kept, at);
    kept = at;
  }
}
