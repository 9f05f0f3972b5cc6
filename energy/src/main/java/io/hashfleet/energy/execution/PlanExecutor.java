package io.hashfleet.energy.execution;

import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.FleetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a curtailment plan: sleeps first (shedding is what deadlines are about), then power
 * targets, then wakes (a machine woken with a new target boots at it); failed commands are retried with a growing pause, refused ones are not; every attempt and
 * its outcome goes to the audit trail, so the trail alone tells what was done and why.
 *
 * <p>Idempotent: sleeping a sleeping miner is accepted by every firmware, so replaying a plan
 * after a crash does no harm; the planner gives no target to a machine already at it.
 *
 * <p>A refused target is not retried: the machine is listed in the report's refusedTargets, the
 * refusal is in the trail, and the controller plans it as a machine that can only sleep.
 */
public final class PlanExecutor {
  private final CommandSender sender;
  private final AuditTrail trail;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration firstBackoff;

  public PlanExecutor(CommandSender sender, AuditTrail trail, Clock clock, int maxAttempts, Duration firstBackoff) {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    this.sender = sender;
    this.trail = trail;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  public ExecutionReport execute(CurtailmentPlan plan, FleetState fleet, String eventId) throws InterruptedException {
    Instant started = clock.instant();
    int sites = fleet.siteNames().size();
    long[] planned = new long[sites];
    long[] accepted = new long[sites];
    Map<String, Integer> index = new HashMap<>();
    List<CommandSender.Order> pending = new ArrayList<>();
    Map<String, Long> shed = new HashMap<>(); // per target order: what it removes from the present draw
    for (int i : plan.sleep()) {
      pending.add(new CommandSender.Order(fleet.id(i), true));
      index.put(fleet.id(i), i);
      planned[fleet.site(i)] += fleet.runningWatts(i);
    }
    for (int k = 0; k < plan.target().length; k++) {
      int i = plan.target()[k];
      pending.add(CommandSender.Order.powerTarget(fleet.id(i), plan.targetWatts()[k]));
      index.put(fleet.id(i), i);
      long less = fleet.running(i) ? Math.max(0, fleet.runningWatts(i) - plan.targetWatts()[k]) : 0;
      shed.put(fleet.id(i), less);
      planned[fleet.site(i)] += less;
    }
    for (int i : plan.wake()) {
      pending.add(new CommandSender.Order(fleet.id(i), false));
      index.put(fleet.id(i), i);
    }
    int orders = pending.size();
    int ok = 0;
    List<String> refused = new ArrayList<>();
    List<String> refusedTargets = new ArrayList<>();
    Map<String, String> lastFailure = new HashMap<>();
    int attempt = 0;
    Duration pause = firstBackoff;
    while (!pending.isEmpty() && attempt < maxAttempts) {
      attempt++;
      if (attempt > 1) {
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2);
      }
      List<CommandSender.Result> results = sender.send(pending);
      List<EnergyAction> rows = new ArrayList<>(results.size());
      List<CommandSender.Order> retry = new ArrayList<>();
      Instant now = clock.instant();
      for (CommandSender.Result r : results) {
        int i = index.get(r.order().address());
        String site = fleet.siteNames().get(fleet.site(i));
        CommandSender.Order o = r.order();
        boolean target = o.kind() == CommandSender.Kind.POWER_TARGET;
        rows.add(row(now, eventId, site, o, fleet, i, attempt, EnergyAction.Outcome.valueOf(r.outcome().name()), r.detail()));
        String key = o.address() + " " + o.kind();
        switch (r.outcome()) {
          case ACCEPTED -> {
            ok++;
            lastFailure.remove(key);
            if (o.sleep()) accepted[fleet.site(i)] += fleet.runningWatts(i);
            if (target) accepted[fleet.site(i)] += shed.get(o.address());
          }
          case REFUSED -> (target ? refusedTargets : refused).add(o.address() + ": " + r.detail());
          case FAILED -> {
            retry.add(o);
            lastFailure.put(key, r.detail());
          }
        }
      }
      trail.append(rows);
      pending = retry;
    }
    List<String> failed = new ArrayList<>();
    lastFailure.forEach((key, why) -> failed.add(key.substring(0, key.indexOf(' ')) + ": " + why));
    return new ExecutionReport(orders, ok, planned, accepted, refused, failed, attempt, Duration.between(started, clock.instant()), refusedTargets);
  }

  /**
   * The trail row for one attempt. A sleep plans the machine's present draw, a wake its nominal one;
   * a target plans what it removes against nominal, so a miner's latest row says how far it is
   * curtailed whatever came before.
   */
  private static EnergyAction row(Instant now, String eventId, String site, CommandSender.Order o, FleetState fleet, int i, int attempt,
      EnergyAction.Outcome outcome, String detail) {
    return switch (o.kind()) {
      case SLEEP -> new EnergyAction(now, eventId, site, o.address(), EnergyAction.Command.SLEEP, fleet.runningWatts(i), attempt, outcome, detail, null);
      case WAKE -> new EnergyAction(now, eventId, site, o.address(), EnergyAction.Command.WAKE, fleet.runningWatts(i), attempt, outcome, detail, null);
      case POWER_TARGET -> new EnergyAction(now, eventId, site, o.address(), EnergyAction.Command.POWER_TARGET, Math.max(0, fleet.watts(i) - o.targetWatts()),
          attempt, outcome, detail, null, o.targetWatts());
    };
  }
}
