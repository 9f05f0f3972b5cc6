package io.hashfleet.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP Digest (RFC 2617), the server's side, MD5 with qop auth as lighttpd offers it. Nonces are
 * stateless: the issue time in hex and a keyed hash of it, valid for five minutes, so 100,000
 * miners keep no per-client state and a client may reuse a nonce for several requests.
 */
final class WebDigest {
  private static final long NONCE_LIFE_S = 300;
  private static final String SECRET = Logins.token(24);

  private WebDigest() {}

  static String nonce(long nowSec) {
    String time = Long.toHexString(nowSec);
    return time + md5Hex(SECRET + ":" + time).substring(0, 24);
  }

  /** Whether the request carries a valid answer to a challenge this server issued. */
  static boolean verify(WebRequest request, String realm, String user, String password, long nowSec) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Digest ", 0, 7)) return false;
    Map<String, String> p = params(auth.substring(7));
    String nonce = p.getOrDefault("nonce", "");
    if (!user.equals(p.get("username")) || !realm.equals(p.get("realm")) || !fresh(nonce, nowSec)) return false;
    if (!request.path().equals(p.get("uri")) || !"auth".equals(p.get("qop"))) return false;
    String ha1 = md5Hex(user + ":" + realm + ":" + password);
    String ha2 = md5Hex(request.method() + ":" + request.path());
    String expected = md5Hex(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
    return expected.equals(p.get("response"));
  }

  private static boolean fresh(String nonce, long nowSec) {
    if (nonce.length() <= 24) return false;
    String time = nonce.substring(0, nonce.length() - 24);
    if (!nonce.equals(time + md5Hex(SECRET + ":" + time).substring(0, 24))) return false;
    try {
      long issued = Long.parseLong(time, 16);
      return nowSec - issued >= 0 && nowSec - issued <= NONCE_LIFE_S;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** {@code key=value, key="quoted"} pairs, keys in lower case. */
  static Map<String, String> params(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) i++;
      int eq = s.indexOf('=', i);
      if (eq < 0) break;
      String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder v = new StringBuilder();
      i = eq + 1;
      boolean quoted = i < s.length() && s.charAt(i) == '"';
      if (quoted) i++;
      for (; i < s.length() && (quoted ? s.charAt(i) != '"' : s.charAt(i) != ','); i++) {
        if (quoted && s.charAt(i) == '\\' && i + 1 < s.length()) i++;
        v.append(s.charAt(i));
      }
      if (quoted) i++;
      out.put(key, v.toString().trim());
    }
    return out;
  }

  static String md5Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 comes with every JDK", e);
    }
  }
}
