package io.hashfleet.collect.control;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP Digest access authentication (RFC 2617), the client's side: the scheme Bitmain's web
 * configuration uses. MD5 and MD5-sess, with qop "auth" or (RFC 2069 servers) without qop.
 */
final class Digest {
  private Digest() {}

  /**
   * A server's {@code WWW-Authenticate: Digest …} challenge.
   *
   * @param qop "auth" when the server offers it, "" when it sends no qop (RFC 2069)
   */
  record Challenge(String realm, String nonce, String opaque, String algorithm, String qop) {
    /**
     * The Digest challenge among a 401's {@code WWW-Authenticate} values, or null when there is
     * none this client can answer (another scheme, SHA-256, or only qop auth-int).
     */
    static Challenge find(List<String> headerValues) {
      for (String h : headerValues) {
        String t = h.trim();
        if (!t.regionMatches(true, 0, "Digest ", 0, 7)) continue;
        Map<String, String> p = params(t.substring(7));
        String algorithm = p.getOrDefault("algorithm", "MD5");
        String qops = p.get("qop");
        boolean auth = qops != null && List.of(qops.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
        boolean md5 = algorithm.equalsIgnoreCase("MD5") || algorithm.equalsIgnoreCase("MD5-sess");
        if (p.get("nonce") == null || !md5 || (qops != null && !auth)) continue;
        return new Challenge(p.getOrDefault("realm", ""), p.get("nonce"), p.get("opaque"), algorithm, auth ? "auth" : "");
      }
      return null;
    }
  }

  /** The {@code Authorization} header answering {@code ch} for one request; {@code nc} counts uses of the nonce from 1. */
  static String authorization(Credentials c, Challenge ch, String method, String uri, int nc, String cnonce) {
    String ncText = String.format("%08x", nc);
    String response = response(c.user(), ch.realm(), c.password(), ch.algorithm(), method, uri, ch.nonce(), ncText, cnonce, ch.qop());
    StringBuilder b = new StringBuilder("Digest username=").append(quote(c.user())).append(", realm=").append(quote(ch.realm()))
        .append(", nonce=").append(quote(ch.nonce())).append(", uri=").append(quote(uri)).append(", algorithm=").append(ch.algorithm())
        .append(", response=").append(quote(response));
    if (!ch.qop().isEmpty()) b.append(", qop=").append(ch.qop()).append(", nc=").append(ncText).append(", cnonce=").append(quote(cnonce));
    if (ch.opaque() != null) b.append(", opaque=").append(quote(ch.opaque()));
    return b.toString();
  }

  /** The request-digest of RFC 2617 section 3.2.2.1, as 32 lower-case hex digits. */
  static String response(String user, String realm, String password, String algorithm, String method, String uri,
      String nonce, String nc, String cnonce, String qop) {
    String ha1 = md5Hex(user + ":" + realm + ":" + password);
    if (algorithm.equalsIgnoreCase("MD5-sess")) ha1 = md5Hex(ha1 + ":" + nonce + ":" + cnonce);
    String ha2 = md5Hex(method + ":" + uri);
    return qop.isEmpty() ? md5Hex(ha1 + ":" + nonce + ":" + ha2) : md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
  }

  static String md5Hex(String s) {
    return HexFormat.of().formatHex(Md5Crypt.md5().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code key=value, key="quoted, with commas"} into a map with lower-case keys. */
  static Map<String, String> params(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) i++;
      int eq = s.indexOf('=', i);
      if (eq < 0) break;
      String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder v = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '"') {
        for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) i++;
          v.append(s.charAt(i));
        }
        i++;
      } else {
        for (; i < s.length() && s.charAt(i) != ','; i++) v.append(s.charAt(i));
      }
      out.put(key, v.toString().trim());
    }
    return out;
  }

  private static String quote(String v) {
    return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
