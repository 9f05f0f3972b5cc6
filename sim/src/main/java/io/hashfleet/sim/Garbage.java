package io.hashfleet.sim;

import java.util.SplittableRandom;

/** What a miner with a broken API sends: random bytes, never JSON, sometimes huge or not UTF-8. */
final class Garbage {
  private Garbage() {}

  static byte[] bytes(long seed, int index, long connectionNo) {
    SplittableRandom r = new SplittableRandom(Rng.hash(seed, index, 0x6A0000000L + connectionNo));
    double size = r.nextDouble();
    int n = size < 0.7 ? 64 + r.nextInt(4000) : size < 0.9 ? 4096 + r.nextInt(60_000) : 1_100_000 + r.nextInt(500_000);
    boolean invalidUtf8 = r.nextBoolean();
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      if (invalidUtf8 && r.nextInt(16) == 0) b[i] = (byte) (0x80 + r.nextInt(0x80)); // stray continuation/lead bytes
      else b[i] = (byte) (0x21 + r.nextInt(0x5E));
    }
    // never a valid JSON start, so a lenient parser cannot accidentally accept it
    b[0] = (byte) (invalidUtf8 ? 0xFF : '#');
    return b;
  }
}
