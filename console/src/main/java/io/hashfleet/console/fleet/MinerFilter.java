package io.hashfleet.console.fleet;

import io.hashfleet.domain.HealthState;

/**
 * Filters of the miners listing; null matches everything.
 *
 * @param search a prefix of the address ("10.1.4.") or part of the rack name
 */
public record MinerFilter(String site, String modelId, HealthState health, String search, int offset, int limit) {
  public static final int MAX_LIMIT = 1000;

  public MinerFilter {
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative, got " + offset);
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
  }
}
