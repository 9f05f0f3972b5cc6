package io.hashfleet.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * btminer's write API (2.x): {@code get_token} hands out time, salt and newsalt; a write command
 * then arrives as {@code {"enc":1,"data":…}}, AES-encrypted under a key only the admin password
 * gives, carrying the token's sign. The answer goes back encrypted the same way; failures to
 * read or authenticate a command are answered in plain text, since the miner cannot know the key
 * the client holds.
 *
 * <p>Codes as btminer uses them: 131 command OK, 132 command error, 134 token issued, 135 token
 * check failed, 137 base-64 decode error, 23 invalid JSON, 14 unknown command.
 */
final class BtminerWrites {
  /** Every unit ships with this admin password. */
  static final String ADMIN_PASSWORD = "admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BtminerWrites() {}

  static Reply token(Telemetry t, Actions miner) {
    String time = Ascii.zeroPadded(t.now % 10_000, 4);
    String salt = salt(t);
    String newSalt = Logins.token(8);
    miner.logins().btminerIssued(t.index, BtminerCrypto.sign(BtminerCrypto.key(ADMIN_PASSWORD, salt), time, newSalt));
    return status(t, "S", 134, Rec.of().put("time", time).put("salt", salt).put("newsalt", newSalt));
  }

  static Reply encrypted(String data, Telemetry t, Actions miner) {
    String key = BtminerCrypto.key(ADMIN_PASSWORD, salt(t));
    String plain;
    try {
      plain = BtminerCrypto.decrypt(key, data);
    } catch (IllegalArgumentException e) {
      return status(t, "E", 137, "base64 decode error");
    }
    JsonNode command;
    try {
      command = JSON.readTree(plain); // a wrong key decrypts to noise, which is not JSON
    } catch (Exception e) {
      return status(t, "E", 23, "invalid json message");
    }
    if (command == null || !miner.logins().btminerValid(t.index, command.path("token").asText(null))) {
      return status(t, "E", 135, "check token err");
    }
    Rec result = switch (command.path("cmd").asText("")) {
      case "power_off" -> {
        miner.sleep();
        yield statusRec(t, "S", 131, "API command OK");
      }
      case "power_on" -> {
        miner.wake();
        yield statusRec(t, "S", 131, "API command OK");
      }
      default -> statusRec(t, "E", 14, "invalid cmd");
    };
    Ascii out = new Ascii(256);
    JsonOut.write(out, result);
    return new Reply.Document(Rec.of().put("enc", BtminerCrypto.encrypt(key, out.toString())));
  }

  /** Eight characters fixed per unit: the salt of the admin password stored on the miner. */
  static String salt(Telemetry t) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    long h = Rng.hash(0, t.index, 0xB7);
    char[] c = new char[8];
    for (int i = 0; i < 8; i++, h >>>= 6) c[i] = alphabet.charAt((int) ((h & 63) % alphabet.length()));
    return new String(c);
  }

  private static Reply status(Telemetry t, String st, int code, Object msg) {
    return new Reply.Document(statusRec(t, st, code, msg));
  }

  private static Rec statusRec(Telemetry t, String st, int code, Object msg) {
    return Rec.of().put("STATUS", st).put("When", t.now).put("Code", code).put("Msg", msg).put("Description", "");
  }
}
