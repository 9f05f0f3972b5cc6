package io.hashfleet.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * btminer API 2.x's write-command scheme, the miner's side. The key is the hash part of
 * md5-crypt(admin password, salt); the sign of a token is the hash part of md5-crypt(key + time,
 * newsalt); commands travel AES-256-ECB encrypted under SHA-256(key), NUL-padded to 16 bytes, in
 * base 64. The simulator keeps its own md5-crypt so that the client's cannot pass by agreeing
 * with itself.
 */
final class BtminerCrypto {
  private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private BtminerCrypto() {}

  static String key(String password, String salt) {
    return md5CryptHash(password, salt);
  }

  static String sign(String key, String time, String newSalt) {
    return md5CryptHash(key + time, newSalt);
  }

  static String encrypt(String key, String plain) {
    byte[] p = plain.getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(p, (p.length + 15) / 16 * 16);
    return Base64.getEncoder().encodeToString(aes(key, Cipher.ENCRYPT_MODE, padded));
  }

  /** @throws IllegalArgumentException when {@code data} is not base 64 of whole AES blocks */
  static String decrypt(String key, String data) {
    byte[] c = Base64.getMimeDecoder().decode(data);
    if (c.length == 0 || c.length % 16 != 0) throw new IllegalArgumentException("not whole AES blocks: " + c.length + " bytes");
    byte[] p = aes(key, Cipher.DECRYPT_MODE, c);
    int end = p.length;
    while (end > 0 && p[end - 1] == 0) end--;
    return new String(p, 0, end, StandardCharsets.UTF_8);
  }

  private static byte[] aes(String key, int mode, byte[] data) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(mode, new SecretKeySpec(k, "AES"));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256 and SHA-256 come with every JDK", e);
    }
  }

  /** md5-crypt ({@code openssl passwd -1}), only the 22 characters after the last '$'. */
  static String md5CryptHash(String password, String salt) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] s = salt.substring(0, Math.min(8, salt.length())).getBytes(StandardCharsets.UTF_8);
    byte[] alt = md5(pw, s, pw);
    MessageDigest first = digest();
    first.update(pw);
    first.update("$1$".getBytes(StandardCharsets.US_ASCII));
    first.update(s);
    for (int n = pw.length; n > 0; n -= 16) first.update(alt, 0, Math.min(16, n));
    for (int bits = pw.length; bits > 0; bits >>= 1) first.update((bits & 1) == 1 ? (byte) 0 : pw[0]);
    byte[] h = first.digest();
    byte[] none = new byte[0];
    for (int i = 0; i < 1000; i++) {
      boolean odd = i % 2 == 1;
      h = md5(odd ? pw : h, i % 3 == 0 ? none : s, i % 7 == 0 ? none : pw, odd ? h : pw);
    }
    int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
    StringBuilder out = new StringBuilder();
    for (int[] g : groups) append64(out, (h[g[0]] & 255) << 16 | (h[g[1]] & 255) << 8 | (h[g[2]] & 255), 4);
    append64(out, h[11] & 255, 2);
    return out.toString();
  }

  private static void append64(StringBuilder out, int v, int n) {
    while (n-- > 0) {
      out.append(ITOA64.charAt(v & 63));
      v >>= 6;
    }
  }

  private static byte[] md5(byte[]... parts) {
    MessageDigest d = digest();
    for (byte[] p : parts) d.update(p);
    return d.digest();
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 comes with every JDK", e);
    }
  }
}
