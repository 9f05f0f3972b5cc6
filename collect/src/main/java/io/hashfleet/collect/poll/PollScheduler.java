package io.hashfleet.collect.poll;

import io.hashfleet.collect.health.Problem;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerSample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Polls every miner once per interval, each at its own phase, on virtual threads with bounded
 * concurrency.
 *
 * <p>Why this shape: a fleet of 350,000 polled every 60 s is ~5,900 polls a second. One scheduler
 * thread pops due miners from a priority queue and starts each: an {@link AsyncPollTask} (the
 * fleet's {@link LoopPoller}) on its own I/O loop without a thread, any other task on a virtual
 * thread; a semaphore caps the polls in flight. Every poll has its own deadline, so a hung or dripping miner costs one slot
 * for at most the total timeout and delays no one else. Each miner's phase is fixed by its address,
 * so load is spread evenly over the interval, and jitter keeps it from resynchronising. A miner
 * that keeps failing is polled less often (doubling, up to the maximum back-off).
 */
public final class PollScheduler implements AutoCloseable {
  private record Due(long atNanos, int index) {}

  private final List<FleetMiner> miners = new ArrayList<>();
  private final List<Integer> failures = new ArrayList<>();
  private final PollTask task;
  private final PollSettings settings;
  private final Consumer<PollOutcome> sink;
  private final Clock clock;
  private final PollCycleStats stats = new PollCycleStats();
  private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos, b.atNanos));
  private final ConcurrentLinkedQueue<Due> returned = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<FleetMiner> added = new ConcurrentLinkedQueue<>();
  private final Semaphore slots;
  private final PollHold hold;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final long startNanos = System.nanoTime();
  private volatile boolean running = true;
  private Thread loop;

  public PollScheduler(List<FleetMiner> fleet, PollTask task, PollSettings settings, Consumer<PollOutcome> sink, Clock clock) {
    this(fleet, task, settings, sink, clock, PollHold.none());
  }

  /** @param hold held while commands go out; due polls wait for it (see {@link PollHold}) */
  public PollScheduler(List<FleetMiner> fleet, PollTask task, PollSettings settings, Consumer<PollOutcome> sink, Clock clock, PollHold hold) {
    this.task = task;
    this.hold = hold;
    this.settings = settings;
    this.sink = sink;
    this.clock = clock;
    this.slots = new Semaphore(settings.concurrency());
    added.addAll(fleet);
  }

  /** Starts polling; the first poll of each miner falls at its phase within the first interval. */
  public PollScheduler start() {
    loop = Thread.ofPlatform().name("poll-scheduler").daemon().start(this::run);
    return this;
  }

  /** Adds a miner to the schedule (for example after a scan registered it). */
  public void add(FleetMiner miner) {
    added.add(miner);
  }

  public PollCycleStats stats() {
    return stats;
  }

  public int fleetSize() {
    return miners.size() + added.size();
  }

  private void run() {
    long interval = settings.interval().toNanos();
    while (running) {
      admitNewMiners(interval);
      for (Due d; (d = returned.poll()) != null; ) queue.add(d);
      Due next = queue.peek();
      long now = System.nanoTime() - startNanos;
      if (next == null || next.atNanos > now || hold.holding()) {
        long wait = next == null || hold.holding() ? 10_000_000 : Math.min(next.atNanos - now, 10_000_000);
        LockSupport.parkNanos(wait);
        continue;
      }
      queue.poll();
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        slots.release();
        return;
      }
      FleetMiner miner = miners.get(next.index);
      Due due = next;
      if (task instanceof AsyncPollTask async) startOne(async, miner, due, interval);
      else workers.execute(() -> pollOne(miner, due, interval));
    }
  }

  /** A poll that needs no thread of its own: started here, finished on whatever thread it ends on. */
  private void startOne(AsyncPollTask async, FleetMiner miner, Due due, long interval) {
    long t0 = System.nanoTime();
    Instant at = Instant.now(clock);
    AtomicBoolean over = new AtomicBoolean();
    try {
      async.start(miner, at, outcome -> {
        if (over.compareAndSet(false, true)) finish(miner, due, interval, t0, outcome);
      });
    } catch (RuntimeException e) {
      if (over.compareAndSet(false, true)) finish(miner, due, interval, t0, failed(miner, e));
    }
  }

  private void admitNewMiners(long interval) {
    for (FleetMiner m; (m = added.poll()) != null; ) {
      int index = miners.size();
      miners.add(m);
      failures.add(0);
      // Fixed phase from the address: the same miner is polled at the same second every minute.
      long phase = Math.floorMod((long) m.address().hashCode() * 0x9E3779B97F4A7C15L, interval);
      long now = System.nanoTime() - startNanos;
      queue.add(new Due(now + phase, index));
    }
  }

  private void pollOne(FleetMiner miner, Due due, long interval) {
    long t0 = System.nanoTime();
    PollOutcome outcome;
    try {
      outcome = task.poll(miner, Instant.now(clock));
    } catch (RuntimeException e) {
      outcome = failed(miner, e);
    }
    finish(miner, due, interval, t0, outcome);
  }

  /** A driver bug on one miner must not stop the others: it is recorded as that miner's problem. */
  private PollOutcome failed(FleetMiner miner, RuntimeException e) {
    String why = "poll failed: " + e;
    return new PollOutcome(new MinerSample(miner.address(), Instant.now(clock), null, HealthState.OFFLINE, why),
        List.of(new Problem(HealthState.OFFLINE, why)));
  }

  private void finish(FleetMiner miner, Due due, long interval, long t0, PollOutcome outcome) {
    boolean ok = outcome.sample().answered();
    stats.record(System.nanoTime() - t0, ok);
    try {
      sink.accept(outcome);
    } finally {
      slots.release();
      returned.add(new Due(nextDue(due, interval, ok), due.index));
    }
  }

  private long nextDue(Due due, long interval, boolean ok) {
    int f;
    synchronized (failures) {
      f = ok ? 0 : Math.min(failures.get(due.index) + 1, 30);
      failures.set(due.index, f);
    }
    long step = interval;
    if (f >= 2) step = Math.min(interval << Math.min(f - 1, 20), Math.max(interval, settings.maxBackoff().toNanos()));
    long jitter = (long) (interval * settings.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
    long next = due.atNanos + step + jitter;
    long now = System.nanoTime() - startNanos;
    // A scheduler that fell behind does not try to catch up with a burst: it resumes from now.
    return Math.max(next, now);
  }

  @Override
  public void close() {
    running = false;
    if (loop != null) {
      loop.interrupt();
      try {
        loop.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
