package io.hashfleet.energy.dispatch;

/**
 * What a machine does below its nominal power, in one place so the assumption is easy to change.
 *
 * <p>Firmware that takes a power target (Braiins OS autotuning) lowers voltage and frequency
 * together, so hashrate falls less than power: at a share p of nominal power the machine hashes
 * about p^K of its nominal hashrate and its J/TH scales by p^(1-K). K = 0.8 is an assumption, not a
 * measurement per model: it gives about 10% better J/TH at 60% power, at the cautious end of
 * published underclocking and autotuning figures (firmware vendors' and reviewers' tables show
 * gains of roughly 10–20% at such settings). Erring low means the dispatcher never keeps a machine
 * running on an efficiency gain it may not get.
 *
 * <p>The dispatcher never goes below {@link #MIN_SHARE} of nominal: under it chips approach their
 * minimum stable voltage, the efficiency gain flattens and the firmware may refuse the target.
 */
public final class PartialPower {
  /** Hashrate share = power share ^ K. */
  public static final double HASH_EXPONENT = 0.8;

  /** The lowest power share the dispatcher asks for. */
  public static final double MIN_SHARE = 0.6;

  private PartialPower() {}

  /** Share of nominal hashrate at {@code powerShare} of nominal power. */
  public static double hashShare(double powerShare) {
    return Math.pow(powerShare, HASH_EXPONENT);
  }

  /** J/TH at {@code powerShare} of nominal power, as a multiple of the nominal J/TH. */
  public static double jthFactor(double powerShare) {
    return Math.pow(powerShare, 1 - HASH_EXPONENT);
  }

  /** The lowest target for a machine of {@code nominalWatts} that takes power targets. */
  public static int minWatts(int nominalWatts) {
    return (int) Math.ceil(nominalWatts * MIN_SHARE);
  }
}
