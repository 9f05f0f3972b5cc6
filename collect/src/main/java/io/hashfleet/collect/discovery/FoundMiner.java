package io.hashfleet.collect.discovery;

import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;

/**
 * A miner a scan found.
 *
 * @param telemetry its first poll, or null when it identified itself but the poll failed
 * @param pollError why the poll failed, else null
 */
public record FoundMiner(MinerAddress address, MinerIdentity identity, MinerTelemetry telemetry, String pollError) {}
