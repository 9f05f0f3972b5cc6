package io.hashfleet.domain;

/**
 * What a miner says it is.
 *
 * @param make brand
 * @param modelName model as the firmware reports it, such as "Antminer S19 XP" or "M50S"
 * @param modelId catalog id such as "s19xp", or null when the catalog does not know the model
 * @param dialect which API dialect it speaks
 * @param firmware firmware version string, such as "Braiins OS 23.03.3" or "bmminer 1.0.0"
 * @param mac MAC address where the API reports it, else null
 */
public record MinerIdentity(Make make, String modelName, String modelId, Dialect dialect, String firmware, String mac) {
  public static final MinerIdentity UNKNOWN = new MinerIdentity(Make.UNKNOWN, "unknown", null, Dialect.UNKNOWN, "unknown", null);
}
