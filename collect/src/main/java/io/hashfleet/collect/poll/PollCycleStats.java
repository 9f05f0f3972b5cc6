package io.hashfleet.collect.poll;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Running counters of the poller, cheap enough to update on every poll from many threads: totals
 * and a latency recorder whose interval histograms give p50 and p99.
 */
public final class PollCycleStats {
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Recorder latency = new Recorder(3);
  private final Histogram total = new Histogram(3);

  void record(long nanos, boolean ok) {
    polls.incrementAndGet();
    if (!ok) failures.incrementAndGet();
    latency.recordValue(Math.max(1, nanos / 1000));
  }

  public long polls() {
    return polls.get();
  }

  public long failures() {
    return failures.get();
  }

  /** Latency in microseconds at a percentile (0..100) over everything recorded so far. */
  public synchronized long latencyMicros(double percentile) {
    total.add(latency.getIntervalHistogram());
    return total.getValueAtPercentile(percentile);
  }

  /** Forgets what was recorded, for a measurement window that starts now. */
  public synchronized void reset() {
    latency.reset();
    total.reset();
    polls.set(0);
    failures.set(0);
  }
}
