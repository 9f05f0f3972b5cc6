package io.hashfleet.console.fleet;

import java.time.Instant;

/** An alert on a miner, with where the miner stands so the operator can walk to it. */
public record AlertRow(long id, String address, String site, String rack, Integer position, String kind, Instant opened, Instant closed,
    String detail) {}
