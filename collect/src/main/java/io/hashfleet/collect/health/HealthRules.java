package io.hashfleet.collect.health;

/**
 * Thresholds for health classification; the defaults are what fleet technicians commonly use.
 *
 * @param lowHashrateRatio below this share of the model's nominal TH/s a miner is low
 * @param overheatC hottest chip or board sensor at or above this is overheating
 * @param minFanRpm a fan below this is failed while the miner is hashing
 * @param highRejectRatio rejected share of accepted+rejected above this is high
 * @param minSharesForRejectRatio fewer shares than this are too few to judge
 */
public record HealthRules(double lowHashrateRatio, double overheatC, int minFanRpm, double highRejectRatio, long minSharesForRejectRatio) {
  public static final HealthRules DEFAULT = new HealthRules(0.90, 90.0, 500, 0.02, 200);
}
