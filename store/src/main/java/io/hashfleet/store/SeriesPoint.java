package io.hashfleet.store;

import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Power;
import java.time.Instant;

/**
 * One bucket of a hashrate series.
 *
 * @param start bucket start, aligned to the epoch
 * @param hashrate average hashrate over the bucket (a miner that did not answer counts as zero)
 * @param power average power over the bucket, or null when no miner in scope reported any
 * @param minersReporting miners that answered in the bucket, averaged over the bucket's minutes
 *     when the bucket is longer than the rollup it comes from
 */
public record SeriesPoint(Instant start, Hashrate hashrate, Power power, int minersReporting) {}
