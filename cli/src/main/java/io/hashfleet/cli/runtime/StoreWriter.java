package io.hashfleet.cli.runtime;

import io.hashfleet.collect.alert.AlertTracker;
import io.hashfleet.domain.Alert;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.store.FleetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries samples and alert changes from the poll threads to the store in batches, on one thread.
 *
 * <p>Why batches: an append has a fixed cost of a few milliseconds, so one per poll would cap the
 * poller at a few hundred a second; flushing once a second turns 5,900 polls a second into one
 * append. A store that fails one batch loses that batch (logged) and keeps the poller running.
 */
public final class StoreWriter implements AlertTracker.Listener, AutoCloseable {
  private static final int MAX_BATCH = 20_000;
  private static final long FLUSH_EVERY_MS = 1_000;
  private final FleetStore store;
  private final LinkedBlockingQueue<MinerSample> samples = new LinkedBlockingQueue<>(500_000);
  private final LinkedBlockingQueue<Alert> alertChanges = new LinkedBlockingQueue<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String lastError;

  public StoreWriter(FleetStore store) {
    this.store = store;
    this.thread = Thread.ofPlatform().name("store-writer").daemon().start(this::run);
  }

  public void accept(MinerSample s) {
    // A store that cannot keep up must not stall polling: count what is lost instead.
    if (!samples.offer(s)) dropped.incrementAndGet();
  }

  @Override
  public void opened(Alert alert) {
    alertChanges.add(alert);
  }

  @Override
  public void closed(Alert alert) {
    alertChanges.add(alert);
  }

  public long written() {
    return written.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public String lastError() {
    return lastError;
  }

  private void run() {
    List<MinerSample> batch = new ArrayList<>();
    while (running || !samples.isEmpty() || !alertChanges.isEmpty()) {
      long started = System.nanoTime();
      try {
        MinerSample first = samples.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
        if (first != null) batch.add(first);
        // Each append has a fixed cost of several milliseconds: without this wait a steady trickle
        // of samples turns into a flush per handful of rows and the writer spins a core.
        long left = FLUSH_EVERY_MS - (System.nanoTime() - started) / 1_000_000;
        if (running && left > 0 && samples.size() < MAX_BATCH) Thread.sleep(left);
      } catch (InterruptedException e) {
        running = false;
      }
      samples.drainTo(batch, MAX_BATCH - batch.size());
      flush(batch);
    }
  }

  private void flush(List<MinerSample> batch) {
    try {
      if (!batch.isEmpty()) {
        store.appendSamples(batch);
        written.addAndGet(batch.size());
      }
      for (Alert a; (a = alertChanges.poll()) != null; ) {
        if (a.isOpen()) store.openAlert(a);
        else store.closeAlert(a.address(), a.kind(), a.closed());
      }
    } catch (RuntimeException e) {
      lastError = e.getMessage();
      System.err.println("hashfleet: store write failed, " + batch.size() + " samples lost: " + e.getMessage());
    } finally {
      batch.clear();
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
