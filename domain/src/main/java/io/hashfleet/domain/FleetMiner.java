package io.hashfleet.domain;

/** A miner registered in the fleet: where to reach it, what it is, and where it stands. */
public record FleetMiner(MinerAddress address, MinerIdentity identity, MinerLocation location) {}
