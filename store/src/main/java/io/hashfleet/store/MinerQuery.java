package io.hashfleet.store;

import io.hashfleet.domain.HealthState;

/**
 * Filters for listing miners with their latest sample; a null filter matches everything.
 *
 * <p>Start from {@link #all()} and narrow: {@code MinerQuery.all().site("tx1").health(HealthState.OVERHEAT).limit(50)}.
 */
public record MinerQuery(String site, String modelId, HealthState health, int limit) {
  public MinerQuery {
    if (limit < 1) throw new IllegalArgumentException("limit must be positive, got " + limit);
  }

  public static MinerQuery all() {
    return new MinerQuery(null, null, null, Integer.MAX_VALUE);
  }

  public MinerQuery site(String site) {
    return new MinerQuery(site, modelId, health, limit);
  }

  public MinerQuery model(String modelId) {
    return new MinerQuery(site, modelId, health, limit);
  }

  public MinerQuery health(HealthState health) {
    return new MinerQuery(site, modelId, health, limit);
  }

  public MinerQuery limit(int limit) {
    return new MinerQuery(site, modelId, health, limit);
  }
}
