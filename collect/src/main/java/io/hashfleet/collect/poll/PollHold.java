package io.hashfleet.collect.poll;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets commands go first: while someone holds it, the poll scheduler starts no new polls (those in
 * flight finish). A demand-response call to tens of thousands of miners shares the controller's
 * CPU with the poller; a shed has a deadline in seconds, a poll delayed by a few seconds costs
 * nothing. The hold lapses after {@code maxHold} however long a burst lasts, so telemetry, which
 * confirms the commands, never stops for long.
 */
public final class PollHold {
  private final AtomicInteger holders = new AtomicInteger();
  private final long maxHoldNanos;
  private volatile long heldSince;

  public PollHold(Duration maxHold) {
    this.maxHoldNanos = maxHold.toNanos();
  }

  /** A hold that never holds, for schedulers nobody commands through. */
  public static PollHold none() {
    return new PollHold(Duration.ZERO);
  }

  /** Holds new polls until the returned handle is closed (or {@code maxHold} passes). */
  public Held hold() {
    if (holders.getAndIncrement() == 0) heldSince = System.nanoTime();
    return new Held(this);
  }

  /** Whether new polls should wait now. */
  boolean holding() {
    return holders.get() > 0 && System.nanoTime() - heldSince < maxHoldNanos;
  }

  /** Closing it releases this holder's part of the hold; closing twice does nothing more. */
  public static final class Held implements AutoCloseable {
    private PollHold hold;

    private Held(PollHold hold) {
      this.hold = hold;
    }

    @Override
    public synchronized void close() {
      if (hold != null) hold.holders.decrementAndGet();
      hold = null;
    }
  }
}
