package io.hashfleet.console.fleet;

import java.time.Instant;

/** One miner in a listing: where it is, what it is, and its latest sample. */
public record MinerRow(String address, String site, String rack, Integer position, String make, String model, String modelId,
    String firmware, String owner, String health, String detail, Instant sampledAt, long hashrateMhs, Long powerW, Double tempMaxC) {}
