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
 * Carries out a curtailment plan: sleeps first (shedding is what deadlines are about), then
 * wakes; failed commands are retried with a growing pause, refused ones are not; every attempt and
 * its outcome goes to the audit trail, so the trail alone tells what was done and why.
 *
 * <p>Idempotent: sleeping a sleeping miner is accepted by every firmware, so replaying a plan
 * after a crash does no harm.
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
    for (int i : plan.sleep()) {
      pending.add(new CommandSender.Order(fleet.id(i), true));
      index.put(fleet.id(i), i);
      planned[fleet.site(i)] += fleet.watts(i);
    }
    for (int i : plan.wake()) {
      pending.add(new CommandSender.Order(fleet.id(i), false));
      index.put(fleet.id(i), i);
    }
    int orders = pending.size();
    int ok = 0;
    List<String> refused = new ArrayList<>();
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
        EnergyAction.Command cmd = r.order().sleep() ? EnergyAction.Command.SLEEP : EnergyAction.Command.WAKE;
        rows.add(new EnergyAction(now, eventId, site, r.order().address(), cmd, fleet.watts(i), attempt,
            EnergyAction.Outcome.valueOf(r.outcome().name()), r.detail(), null));
        switch (r.outcome()) {
          case ACCEPTED -> {
            ok++;
            lastFailure.remove(r.order().address());
            if (r.order().sleep()) accepted[fleet.site(i)] += fleet.watts(i);
          }
          case REFUSED -> refused.add(r.order().address() + ": " + r.detail());
          case FAILED -> {
            retry.add(r.order());
            lastFailure.put(r.order().address(), r.detail());
          }
        }
      }
      trail.append(rows);
      pending = retry;
    }
    List<String> failed = new ArrayList<>();
    lastFailure.forEach((a, why) -> failed.add(a + ": " + why));
    return new ExecutionReport(orders, ok, planned, accepted, refused, failed, attempt, Duration.between(started, clock.instant()));
  }
}
