package io.hashfleet.sim;

/**
 * Stateless randomness: every figure a miner reports is a pure function of (seed, miner, salt),
 * so 100,000 miners need no per-miner random state and a reply can be recomputed at any time.
 */
final class Rng {
  private Rng() {}

  /** SplitMix64 finaliser: a good 64-bit mix, cheap enough to call dozens of times per reply. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, long miner, long salt) {
    return mix(seed ^ mix(miner * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
  }

  /** Uniform in [0, 1). */
  static double unit(long seed, long miner, long salt) {
    return (hash(seed, miner, salt) >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [-1, 1). */
  static double signed(long seed, long miner, long salt) {
    return unit(seed, miner, salt) * 2 - 1;
  }

  /** Picks an index from integer weights with a uniform draw u in [0, 1). */
  static int pick(int[] weights, double u) {
    long total = 0;
    for (int w : weights) total += w;
    double target = u * total;
    long acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (target < acc) return i;
    }
    return weights.length - 1;
  }
}
