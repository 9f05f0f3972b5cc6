package io.hashfleet.domain;

/**
 * Where a machine stands: site, rack and position in the rack. Any part may be null when unknown.
 */
public record MinerLocation(String site, String rack, Integer position) {
  public static final MinerLocation UNKNOWN = new MinerLocation(null, null, null);
}
