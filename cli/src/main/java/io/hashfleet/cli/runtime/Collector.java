package io.hashfleet.cli.runtime;

import io.hashfleet.collect.alert.AlertTracker;
import io.hashfleet.collect.health.HealthClassifier;
import io.hashfleet.collect.health.HealthRules;
import io.hashfleet.collect.poll.LoopPoller;
import io.hashfleet.collect.poll.PollCycleStats;
import io.hashfleet.collect.poll.PollOutcome;
import io.hashfleet.collect.poll.PollHold;
import io.hashfleet.collect.poll.PollScheduler;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcLoop;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running collector behind {@code hashfleet up}: the poller over the registered fleet, health
 * and alerts, the live state, and the store with its rollups and retention.
 */
public final class Collector implements AutoCloseable {
  private final FleetStore store;
  private final LiveFleet live = new LiveFleet();
  private final StoreWriter writer;
  private final AlertTracker alerts;
  private final LoopPoller poller;
  private final PollScheduler scheduler;
  /** Held by the energy controller while it sends commands; polls wait up to 30 s. */
  private final PollHold pollHold = new PollHold(Duration.ofSeconds(30));
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("housekeeping").unstarted(r));
  private final Duration rawRetention;
  private final Clock clock;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  public Collector(FleetStore store, ModelCatalog catalog, PollSettings settings, Duration rawRetention, Clock clock) {
    this.store = store;
    this.rawRetention = rawRetention;
    this.clock = clock;
    this.writer = new StoreWriter(store);
    this.alerts = new AlertTracker(writer);
    alerts.restore(store.alerts(true));
    List<FleetMiner> fleet = new java.util.ArrayList<>();
    for (FleetMiner m : store.miners()) fleet.add(live.register(m));
    // polls wait for miners on a selector loop per core rather than a thread each (see RpcLoop)
    this.poller = new LoopPoller(new FirmwareProbe(catalog, settings.timeouts(), clock), new HealthClassifier(catalog, HealthRules.DEFAULT),
        RpcLoop.perCore());
    this.scheduler = new PollScheduler(fleet, poller, settings, this::onOutcome, clock, pollHold);
  }

  private void onOutcome(PollOutcome o) {
    // Polls still in flight when the collector stops (a hung miner's read) are dropped, not
    // written to a store that is closing.
    if (closed.get()) return;
    live.update(o.sample());
    alerts.update(o.sample().address(), o.sample().at(), o.problems());
    writer.accept(o.sample());
  }

  public Collector start() {
    scheduler.start();
    housekeeping.scheduleAtFixedRate(this::housekeep, 60, 60, TimeUnit.SECONDS);
    return this;
  }

  /** Rolls up what is complete and drops raw samples past retention; failures are reported, not fatal. */
  public void housekeep() {
    try {
      Instant now = Instant.now(clock);
      store.rollUp(now);
      store.purgeRaw(now.minus(rawRetention));
    } catch (RuntimeException e) {
      System.err.println("hashfleet: housekeeping failed: " + e.getMessage());
    }
  }

  public LiveFleet live() {
    return live;
  }

  /** What command senders hold so that polls do not compete with a burst of commands. */
  public PollHold pollHold() {
    return pollHold;
  }

  public PollCycleStats stats() {
    return scheduler.stats();
  }

  public StoreWriter writer() {
    return writer;
  }

  public AlertTracker alerts() {
    return alerts;
  }

  public FleetStore store() {
    return store;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) return;
    housekeeping.shutdownNow();
    scheduler.close();
    poller.close();
    writer.close();
    housekeep();
  }
}
