package io.hashfleet.collect.poll;

import io.hashfleet.collect.rpc.RpcTimeouts;
import java.time.Duration;

/**
 * How the poller runs.
 *
 * @param interval time between two polls of one miner (60 s by default)
 * @param jitter fraction of the interval by which each poll moves at random, so a fleet that
 *     started together does not stay synchronised
 * @param concurrency polls in flight at most; hung miners hold a slot until the total timeout, so
 *     this must exceed polls per second times the share of hung miners times that timeout
 * @param maxBackoff longest interval for a miner that keeps failing
 */
public record PollSettings(Duration interval, double jitter, int concurrency, RpcTimeouts timeouts, Duration maxBackoff) {
  public static final PollSettings DEFAULT = new PollSettings(Duration.ofSeconds(60), 0.05, 4096, RpcTimeouts.DEFAULT, Duration.ofMinutes(10));

  public PollSettings {
    if (interval.toMillis() < 100) throw new IllegalArgumentException("poll interval must be at least 100 ms, got " + interval);
    if (jitter < 0 || jitter > 0.5) throw new IllegalArgumentException("jitter must be between 0 and 0.5, got " + jitter);
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    if (maxBackoff.compareTo(interval) < 0) maxBackoff = interval;
  }

  public PollSettings withInterval(Duration d) {
    return new PollSettings(d, jitter, concurrency, timeouts, maxBackoff);
  }

  public PollSettings withConcurrency(int c) {
    return new PollSettings(interval, jitter, c, timeouts, maxBackoff);
  }

  public PollSettings withTimeouts(RpcTimeouts t) {
    return new PollSettings(interval, jitter, concurrency, t, maxBackoff);
  }
}
