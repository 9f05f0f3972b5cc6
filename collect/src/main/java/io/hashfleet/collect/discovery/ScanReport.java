package io.hashfleet.collect.discovery;

import java.time.Duration;
import java.util.List;

/**
 * What a scan saw.
 *
 * @param found miners, in address order
 * @param probed addresses tried
 * @param notMiners addresses where something answered that is not a miner API, with why
 */
public record ScanReport(List<FoundMiner> found, long probed, List<String> notMiners, Duration took) {}
