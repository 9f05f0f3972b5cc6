package io.hashfleet.cli.runtime;

import io.hashfleet.collect.poll.PollHold;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.DispatchInputs;
import io.hashfleet.energy.dispatch.DispatchPlanner;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.dispatch.FleetStateBuilder;
import io.hashfleet.energy.execution.CommandSender;
import io.hashfleet.energy.execution.Confirmation;
import io.hashfleet.energy.execution.ControlledFleet;
import io.hashfleet.energy.execution.ExecutionReport;
import io.hashfleet.energy.execution.PlanExecutor;
import io.hashfleet.energy.execution.Resume;
import io.hashfleet.energy.power.PowerModel;
import io.hashfleet.store.LatestReading;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The energy controller inside {@code hashfleet up}: takes demand-response calls, carries out
 * plans through the miners' firmware, confirms them from the poller's telemetry and, each tick,
 * wakes what an ended event left asleep. Everything it does goes to the audit trail first, which
 * is also where it resumes from after a restart.
 */
public final class EnergyControl {
  private final LiveFleet live;
  private final ModelCatalog catalog;
  private final AuditTrail trail;
  private final PlanExecutor executor;
  private final Clock clock;
  private final Duration confirmWithin;
  private final long rampWatts;
  private final PollHold pollHold;
  // One decision at a time: a tick and a demand-response call must not plan over each other.
  private final ReentrantLock deciding = new ReentrantLock();
  // Miners whose firmware refused a power target: planned as machines that can only sleep. Kept
  // for this controller's life; after a restart each is tried once more.
  private final java.util.Set<String> refusesTargets = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param pollHold the collector's: new polls wait while a demand-response call is carried out,
   *     from the plan to the last trail row, so the CPU goes to the call
   */
  public EnergyControl(LiveFleet live, ModelCatalog catalog, AuditTrail trail, CommandSender sender, PollHold pollHold, Clock clock, Duration confirmWithin,
      long rampWatts) {
    this.live = live;
    this.pollHold = pollHold;
    this.catalog = catalog;
    this.trail = trail;
    this.executor = new PlanExecutor(sender, trail, clock, 3, Duration.ofSeconds(1));
    this.clock = clock;
    this.confirmWithin = confirmWithin;
    this.rampWatts = rampWatts;
  }

  /**
   * A demand-response call: record it, plan the shed at its site, send the commands now. Polls wait
   * meanwhile: the sends hold them anyway, and the poller's backlog released between the last
   * command and the trail write made that write take a second instead of a tenth (measured).
   */
  public ExecutionReport demandResponse(String id, String site, long shedWatts, Duration within, Duration duration, String source)
      throws InterruptedException {
    deciding.lock();
    try (PollHold.Held held = pollHold.hold()) {
      Instant now = clock.instant();
      FleetState fleet = fleetState(now);
      long baseline = fleet.loadBySite()[fleet.siteIndex(site)];
      DemandResponseEvent event = new DemandResponseEvent(id, site, shedWatts, now.plus(within), duration, baseline);
      trail.open(new EnergyEvent(id, EnergyEvent.Kind.DEMAND_RESPONSE, site, shedWatts, now, event.by(), event.ends(), baseline, source, null));
      int sites = fleet.siteNames().size();
      long[] noLimit = new long[sites];
      Arrays.fill(noLimit, Long.MAX_VALUE);
      long[] ramp = new long[sites];
      Arrays.fill(ramp, 0); // a shed wakes nothing
      // Economics stay out of it: at a zero price every machine is worth running, so only the cap
      // of the event decides who sleeps.
      var in = new DispatchInputs(now, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000), BigDecimal.ZERO, noLimit, ramp, Duration.ZERO,
          Duration.ZERO, List.of(event), false);
      // Machines that refuse (firmware without a sleep command) or stay unreachable are replaced by
      // the next least efficient ones, so the shed is met by those that obey.
      ExecutionReport total = null;
      java.util.Set<String> excluded = new java.util.HashSet<>();
      // A refused power target: that machine is sleep-only from then on, and the rest of this call
      // plans no targets at all, so firmware that refuses them cannot use up the rounds one
      // machine at a time while the deadline runs.
      boolean noTargets = false;
      for (int round = 0; round < 4; round++) {
        FleetState usable = round == 0 ? fleet : without(fleet, excluded, noTargets);
        CurtailmentPlan plan = DispatchPlanner.plan(usable, in);
        if (plan.sleep().length == 0 && plan.target().length == 0) break;
        ExecutionReport r = executor.execute(plan, usable, id);
        total = total == null ? r : merge(total, r);
        long accepted = 0;
        for (long w : total.acceptedSleepWatts()) accepted += w;
        if (accepted >= shedWatts || (r.refused().isEmpty() && r.failed().isEmpty() && r.refusedTargets().isEmpty())) break;
        for (String f : r.refusedTargets()) refusesTargets.add(f.substring(0, f.indexOf(": ")));
        noTargets |= !r.refusedTargets().isEmpty();
        for (String f : r.refused()) excluded.add(f.substring(0, f.indexOf(": ")));
        for (String f : r.failed()) excluded.add(f.substring(0, f.indexOf(": ")));
        // What was accepted is asleep now: the next plan starts from there.
        fleet = fleetState(clock.instant());
        in = new DispatchInputs(clock.instant(), in.priceUsdPerMwh(), in.hashpriceUsdPerPhDay(), in.creditUsdPerMwh(), in.siteLimitWatts(),
            in.rampWatts(), in.minOn(), in.minOff(), List.of(event), false);
      }
      return total != null ? total
          : new ExecutionReport(0, 0, new long[sites], new long[sites], List.of(), List.of(), 0, Duration.ZERO);
    } finally {
      deciding.unlock();
    }
  }

  /** Economic dispatch for the price interval in force now; empty when no price covers now. */
  public java.util.Optional<ExecutionReport> economicDispatch(io.hashfleet.energy.price.PowerPrices prices, BigDecimal hashpriceUsdPerPhDay,
      BigDecimal creditUsdPerMwh, Duration minOn, Duration minOff) throws InterruptedException {
    return economicDispatch(prices, hashpriceUsdPerPhDay, creditUsdPerMwh, minOn, minOff, io.hashfleet.energy.signal.FourCpWindows.none(), Map.of());
  }

  /**
   * Economic dispatch, and inside a 4CP risk window every site capped at zero: a year of
   * transmission charges outweighs any hour's margin.
   */
  public java.util.Optional<ExecutionReport> economicDispatch(io.hashfleet.energy.price.PowerPrices prices, BigDecimal hashpriceUsdPerPhDay,
      BigDecimal creditUsdPerMwh, Duration minOn, Duration minOff, io.hashfleet.energy.signal.FourCpWindows fourCp, Map<String, Long> siteLimitWatts)
      throws InterruptedException {
    deciding.lock();
    try {
      Instant now = clock.instant();
      var price = prices.priceAt(now);
      if (price.isEmpty()) return java.util.Optional.empty();
      FleetState fleet = fleetState(now);
      int sites = fleet.siteNames().size();
      long[] noLimit = new long[sites];
      boolean peak = fourCp.overlaps(now, Duration.ofMinutes(15));
      Arrays.fill(noLimit, peak ? 0 : Long.MAX_VALUE);
      if (!peak) siteLimitWatts.forEach((site, w) -> {
        if (fleet.siteNames().contains(site)) noLimit[fleet.siteIndex(site)] = w;
      });
      long[] ramp = new long[sites];
      Arrays.fill(ramp, rampWatts);
      // Demand-response events still in force keep their caps: economics must not wake what they slept.
      List<DemandResponseEvent> active = ControlledFleet.eventsInForce(trail, fleet, now);
      var in = new DispatchInputs(now, price.get(), hashpriceUsdPerPhDay, creditUsdPerMwh, noLimit, ramp, minOn, minOff, active, false);
      CurtailmentPlan plan = DispatchPlanner.plan(fleet, in);
      if (plan.sleep().length == 0 && plan.wake().length == 0 && plan.target().length == 0) return java.util.Optional.empty();
      ExecutionReport r = executor.execute(plan, fleet, null);
      if (r.refusedTargets().isEmpty()) return java.util.Optional.of(r);
      // A refused target would leave its site over the cap until the next tick: plan again at once,
      // with the machines that refused as sleep-only.
      for (String f : r.refusedTargets()) refusesTargets.add(f.substring(0, f.indexOf(": ")));
      FleetState after = fleetState(clock.instant());
      CurtailmentPlan again = DispatchPlanner.plan(after, in);
      if (again.sleep().length == 0 && again.wake().length == 0 && again.target().length == 0) return java.util.Optional.of(r);
      return java.util.Optional.of(merge(r, executor.execute(again, after, null)));
    } finally {
      deciding.unlock();
    }
  }

  /** Housekeeping: confirm accepted commands from telemetry, wake what ended events left asleep, close finished events. */
  public TickResult tick() throws InterruptedException {
    deciding.lock();
    try {
      Instant now = clock.instant();
      Map<String, LatestReading> latest = latestByAddress();
      PowerModel power = new PowerModel(catalog);
      Confirmation.Result confirmed = Confirmation.check(trail, latest::get, now, confirmWithin, address -> {
        FleetMiner m = live.miner(io.hashfleet.domain.MinerAddress.parse(address));
        return m == null ? Double.NaN : power.nominalThs(m);
      });
      List<String> toWake = Resume.minersToWake(trail, now);
      List<String> toRestore = Resume.minersToRestore(trail, now);
      ExecutionReport woke = null;
      if (!toWake.isEmpty()) {
        FleetState fleet = fleetState(now);
        // Wake per event so each wake is filed under the event that slept the miner.
        for (var e : byEvent(fleet, toWake, trail.lastAcceptedByMiner()).entrySet()) {
          ExecutionReport r = executor.execute(new CurtailmentPlan(now, new int[0], e.getValue(), new long[0], new long[0],
              List.of("event " + e.getKey() + " ended"), false), fleet, e.getKey());
          woke = woke == null ? r : merge(woke, r);
        }
      }
      if (!toRestore.isEmpty()) woke = restore(toRestore, now, woke);
      List<String> closed = Resume.closeFinished(trail, now);
      return new TickResult(confirmed, toWake.size() + toRestore.size(), woke, closed);
    } finally {
      deciding.unlock();
    }
  }

  /** Returns to full power the miners an ended event left turned down, filed under that event. */
  private ExecutionReport restore(List<String> addresses, Instant now, ExecutionReport soFar) throws InterruptedException {
    FleetState fleet = fleetState(now);
    Map<String, int[]> byEvent = byEvent(fleet, addresses, trail.lastTargetByMiner());
    ExecutionReport out = soFar;
    for (var e : byEvent.entrySet()) {
      int[] target = e.getValue();
      int[] watts = new int[target.length];
      for (int k = 0; k < target.length; k++) watts[k] = fleet.watts(target[k]);
      ExecutionReport r = executor.execute(new CurtailmentPlan(now, new int[0], new int[0], target, watts, new long[0], new long[0],
          List.of("event " + e.getKey() + " ended"), false), fleet, e.getKey());
      out = out == null ? r : merge(out, r);
    }
    return out;
  }

  /**
   * The fleet positions of {@code addresses}, grouped by the event of each one's row in
   * {@code lastByMiner} (null for economic decisions), so each command is filed under the event
   * that caused it.
   */
  private static Map<String, int[]> byEvent(FleetState fleet, List<String> addresses, Map<String, EnergyAction> lastByMiner) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fleet.size(); i++) index.put(fleet.id(i), i);
    Map<String, List<Integer>> grouped = new HashMap<>();
    for (String a : addresses) {
      Integer i = index.get(a);
      EnergyAction last = lastByMiner.get(a);
      if (i != null) grouped.computeIfAbsent(last == null ? null : last.eventId(), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> out = new HashMap<>();
    grouped.forEach((event, positions) -> out.put(event, positions.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** The fleet with {@code excluded} machines marked as not obeying, so a plan passes over them; with {@code noTargets}, none takes a target. */
  private FleetState without(FleetState f, java.util.Set<String> excluded, boolean noTargets) {
    FleetStateBuilder b = new FleetStateBuilder(f.size());
    for (int i = 0; i < f.size(); i++) {
      b.add(f.id(i), f.siteNames().get(f.site(i)), f.joulesPerTh(i), f.watts(i), f.running(i), f.available(i) && !excluded.contains(f.id(i)),
          f.changedAtSecond(i), noTargets || refusesTargets.contains(f.id(i)) ? 0 : f.minWatts(i), f.targetWatts(i));
    }
    return b.build();
  }

  private static ExecutionReport merge(ExecutionReport a, ExecutionReport b) {
    long[] planned = a.plannedSleepWatts().clone();
    long[] accepted = a.acceptedSleepWatts().clone();
    for (int s = 0; s < planned.length && s < b.plannedSleepWatts().length; s++) {
      planned[s] += b.plannedSleepWatts()[s];
      accepted[s] += b.acceptedSleepWatts()[s];
    }
    List<String> refused = new ArrayList<>(a.refused());
    refused.addAll(b.refused());
    List<String> failed = new ArrayList<>(a.failed());
    failed.addAll(b.failed());
    List<String> refusedTargets = new ArrayList<>(a.refusedTargets());
    refusedTargets.addAll(b.refusedTargets());
    return new ExecutionReport(a.orders() + b.orders(), a.accepted() + b.accepted(), planned, accepted, refused, failed, a.attempts() + b.attempts(),
        a.elapsed().plus(b.elapsed()), refusedTargets);
  }

  public record TickResult(Confirmation.Result confirmation, int wakesDue, ExecutionReport wakes, List<String> closedEvents) {}

  /**
   * A dry run while the controller runs: one decision over the fleet as it would plan it now, with
   * the demand-response events in force, carried out on nothing.
   */
  public Map<String, Object> dryRun(DryRun.Inputs in) {
    deciding.lock();
    try {
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      FleetState fleet = fleetState(now);
      return DryRun.plan(fleet, in, ControlledFleet.eventsInForce(trail, fleet, now), now, "running controller");
    } finally {
      deciding.unlock();
    }
  }

  /** The dispatcher's view: registry and hot state, plus what the trail says this controller did (see {@link ControlledFleet}). */
  FleetState fleetState(Instant now) {
    ControlledFleet view = new ControlledFleet(trail, catalog, refusesTargets, now, live.size());
    for (MinerSample sample : live.samples()) {
      FleetMiner m = live.miner(sample.address());
      if (m == null) continue;
      boolean hashing = sample.telemetry() != null && !sample.telemetry().hashrateNow().isZero();
      view.add(m, hashing, hashing ? sample.telemetry().powerW() : null);
    }
    return view.build();
  }

  private Map<String, LatestReading> latestByAddress() {
    Map<String, LatestReading> out = new HashMap<>();
    for (MinerSample s : live.samples()) {
      var t = s.telemetry();
      out.put(s.address().toString(), new LatestReading(s.at(), s.health(), s.detail(), t != null, t == null ? null : t.hashrateNow(),
          t == null ? null : t.hashrateAvg(), t == null || t.powerW() == null ? null : io.hashfleet.domain.Power.ofWatts(t.powerW()), null, null, null,
          null, null, null, null, null, null, null, null, List.of()));
    }
    return out;
  }

  long rampWatts() {
    return rampWatts;
  }
}
