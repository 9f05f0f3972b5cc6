package io.hashfleet.collect.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * md5-crypt, the {@code $1$salt$hash} password hash of FreeBSD and glibc ({@code openssl passwd
 * -1}). btminer derives its API keys with it. Written out because the JDK has none and the
 * algorithm is short: MD5 over password, magic and salt, then 1,000 rounds that mix them again,
 * printed in crypt's own base-64 order.
 */
final class Md5Crypt {
  private static final String MAGIC = "$1$";
  private static final char[] ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Md5Crypt() {}

  /** The full form, {@code $1$salt$hash}; the salt is cut at 8 characters or a '$', as crypt does. */
  static String crypt(String password, String salt) {
    String s = cleanSalt(salt);
    return MAGIC + s + "$" + hash(password, s);
  }

  /** Only the 22-character hash after the last '$': what btminer uses as key and sign. */
  static String hash(String password, String salt) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] sl = cleanSalt(salt).getBytes(StandardCharsets.UTF_8);
    MessageDigest ctx = md5();
    ctx.update(pw);
    ctx.update(MAGIC.getBytes(StandardCharsets.US_ASCII));
    ctx.update(sl);
    MessageDigest alt = md5();
    alt.update(pw);
    alt.update(sl);
    alt.update(pw);
    byte[] altSum = alt.digest();
    for (int left = pw.length; left > 0; left -= 16) ctx.update(altSum, 0, Math.min(left, 16));
    // one byte per bit of the length: a NUL for each set bit, the password's first byte otherwise
    for (int i = pw.length; i != 0; i >>>= 1) ctx.update((i & 1) != 0 ? 0 : pw[0]);
    byte[] sum = ctx.digest();
    for (int round = 0; round < 1000; round++) {
      MessageDigest r = md5();
      r.update((round & 1) != 0 ? pw : sum);
      if (round % 3 != 0) r.update(sl);
      if (round % 7 != 0) r.update(pw);
      r.update((round & 1) != 0 ? sum : pw);
      sum = r.digest();
    }
    StringBuilder out = new StringBuilder(22);
    to64(out, triple(sum, 0, 6, 12), 4);
    to64(out, triple(sum, 1, 7, 13), 4);
    to64(out, triple(sum, 2, 8, 14), 4);
    to64(out, triple(sum, 3, 9, 15), 4);
    to64(out, triple(sum, 4, 10, 5), 4);
    to64(out, sum[11] & 0xff, 2);
    return out.toString();
  }

  private static String cleanSalt(String salt) {
    String s = salt.startsWith(MAGIC) ? salt.substring(MAGIC.length()) : salt;
    int dollar = s.indexOf('$');
    if (dollar >= 0) s = s.substring(0, dollar);
    return s.length() > 8 ? s.substring(0, 8) : s;
  }

  private static int triple(byte[] b, int hi, int mid, int lo) {
    return (b[hi] & 0xff) << 16 | (b[mid] & 0xff) << 8 | (b[lo] & 0xff);
  }

  private static void to64(StringBuilder out, int v, int chars) {
    for (int i = 0; i < chars; i++, v >>>= 6) out.append(ITOA64[v & 0x3f]);
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
