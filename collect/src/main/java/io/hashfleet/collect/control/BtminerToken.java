package io.hashfleet.collect.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.MinerAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A btminer (Whatsminer API 2.x) write token. From {@code get_token}'s time, salt and newsalt:
 * key = hash part of md5-crypt(password, salt), sign = hash part of md5-crypt(key + time,
 * newsalt). Commands carry the sign as {@code "token"} and travel AES-256-ECB encrypted under
 * SHA-256(key), NUL-padded to whole blocks, in base 64; replies come back the same way.
 */
record BtminerToken(String key, String sign) {
  static BtminerToken derive(String password, String time, String salt, String newSalt) {
    String key = Md5Crypt.hash(password, salt);
    return new BtminerToken(key, Md5Crypt.hash(key + time, newSalt));
  }

  /** {@code {"enc":1,"data":…}} for {@code command}, with this token's sign added. */
  String encrypt(ObjectNode command) {
    byte[] plain = command.deepCopy().put("token", sign).toString().getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(plain, (plain.length + 15) / 16 * 16);
    String data = Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, padded));
    return JsonNodeFactory.instance.objectNode().put("enc", 1).put("data", data).toString();
  }

  /** The JSON inside an encrypted reply's {@code enc} field. */
  JsonNode decrypt(String enc, MinerAddress miner) throws ReplyFormatException {
    byte[] cipher;
    try {
      cipher = Base64.getMimeDecoder().decode(enc);
    } catch (IllegalArgumentException e) {
      throw new ReplyFormatException(miner + ": encrypted reply is not base 64: " + ReplyFormatException.excerpt(enc), e);
    }
    if (cipher.length == 0 || cipher.length % 16 != 0) {
      throw new ReplyFormatException(miner + ": encrypted reply is not whole AES blocks (" + cipher.length + " bytes)");
    }
    byte[] plain = aes(Cipher.DECRYPT_MODE, cipher);
    int end = plain.length;
    while (end > 0 && plain[end - 1] == 0) end--;
    return RelaxedJson.parse(new String(plain, 0, end, StandardCharsets.UTF_8), miner + " (decrypted reply)");
  }

  private byte[] aes(int mode, byte[] data) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
      c.init(mode, new SecretKeySpec(k, "AES"));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-256 and SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BtminerToken[****]";
  }
}
