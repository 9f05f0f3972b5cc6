package io.hashfleet.collect.health;

import io.hashfleet.domain.HealthState;

/** One thing wrong with a miner this cycle, in words a technician reads. */
public record Problem(HealthState state, String detail) {}
