package io.hashfleet.console.access;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106), stored as a PHC string so the parameters travel with
 * each hash and can be raised later without invalidating old ones. BouncyCastle does the hashing.
 */
public final class Passwords {
  /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane (about 50 ms here). */
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  /** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
  private static final String DECOY = hash("decoy password".toCharArray());

  private Passwords() {}

  public static String hash(char[] password) {
    if (password.length < 8) throw new IllegalArgumentException("a password needs at least 8 characters");
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
  }

  /** True when {@code password} matches {@code phc}; false for a null or malformed hash. */
  public static boolean verify(char[] password, String phc) {
    if (phc == null) {
      verify(password, DECOY);
      return false;
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) return false;
    byte[] expected = B64D.decode(m.group(5));
    byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
