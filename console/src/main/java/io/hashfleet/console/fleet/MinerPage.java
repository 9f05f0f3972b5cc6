package io.hashfleet.console.fleet;

import java.util.List;

/** A page of miners; {@code total} counts every miner the filters match. */
public record MinerPage(long total, int offset, int limit, List<MinerRow> miners) {}
