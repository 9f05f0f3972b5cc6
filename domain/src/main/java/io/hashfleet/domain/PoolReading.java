package io.hashfleet.domain;

/**
 * One configured pool of a miner.
 *
 * @param url stratum URL as configured
 * @param user worker name
 * @param alive the firmware reports the pool as alive
 * @param active the miner is sending shares to this pool now
 */
public record PoolReading(String url, String user, boolean alive, boolean active, long accepted, long rejected, long stale) {}
