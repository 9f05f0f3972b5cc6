package io.hashfleet.energy.execution;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.dispatch.FleetStateBuilder;
import io.hashfleet.energy.power.PowerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's view of a fleet under the controller: each miner's telemetry, plus what the
 * audit trail says the controller did to it. Telemetry alone cannot tell a machine the controller
 * put to sleep (and may wake) from a broken one, nor a turned-down machine's nominal draw from
 * its present one; the trail can. The running controller and the dry run ({@code energy plan})
 * both build their view here, so a dry run plans what the controller would.
 */
public final class ControlledFleet {
  private final PowerModel power;
  private final Map<String, EnergyAction> lastSleepOrWake;
  private final Map<String, EnergyAction> targets;
  private final Set<String> refusesTargets;
  private final long nowSecond;
  private final FleetStateBuilder builder;

  /**
   * @param refusesTargets miners whose firmware refused a power target: planned as sleep-only
   */
  public ControlledFleet(AuditTrail trail, ModelCatalog catalog, Set<String> refusesTargets, Instant now, int expectedSize) {
    this.power = new PowerModel(catalog);
    this.lastSleepOrWake = trail.lastSleepOrWakeByMiner();
    this.targets = trail.lastTargetByMiner();
    this.refusesTargets = refusesTargets;
    this.nowSecond = now.getEpochSecond();
    this.builder = new FleetStateBuilder(expectedSize);
  }

  /**
   * Adds one miner.
   *
   * @param hashing whether its latest poll answered with hashrate
   * @param reportedWatts the draw it reported while hashing, or null
   */
  public ControlledFleet add(FleetMiner m, boolean hashing, Integer reportedWatts) {
    String id = m.address().toString();
    EnergyAction act = lastSleepOrWake.get(id);
    boolean asleepByUs = act != null && act.command() == EnergyAction.Command.SLEEP;
    int watts = hashing && reportedWatts != null && reportedWatts > PowerModel.SLEEP_WATTS ? reportedWatts : power.runningWatts(m, null);
    EnergyAction t = targets.get(id);
    int target = 0;
    if (t != null && t.turnedDown()) {
      // its nominal draw is the one the target was planned from, not what it draws at the target
      target = t.targetWatts().intValue();
      watts = (int) (t.targetWatts() + t.plannedWatts());
    }
    int min = refusesTargets.contains(id) ? 0 : power.minWatts(m, watts);
    // Only a hashing miner, or one this controller put to sleep, is known to obey a command.
    builder.add(id, m.location() == null ? null : m.location().site(), power.joulesPerTh(m), watts, hashing && !asleepByUs, hashing || asleepByUs,
        act == null ? nowSecond - 86_400 : act.at().getEpochSecond(), min, target);
    return this;
  }

  public FleetState build() {
    return builder.build();
  }

  /**
   * The demand-response events in the trail still in force at {@code now} at a site of
   * {@code fleet}: their caps hold in every decision until they end, economic or dry run.
   */
  public static List<DemandResponseEvent> eventsInForce(AuditTrail trail, FleetState fleet, Instant now) {
    List<DemandResponseEvent> active = new ArrayList<>();
    for (EnergyEvent e : trail.events(true)) {
      if (e.kind() != EnergyEvent.Kind.DEMAND_RESPONSE || e.site() == null || e.shedWatts() == null || e.endedBy(now)) continue;
      if (!fleet.siteNames().contains(e.site())) continue;
      active.add(new DemandResponseEvent(e.id(), e.site(), e.shedWatts(), e.deadline(), Duration.between(e.deadline(), e.endsAt()),
          e.baselineWatts() == null ? 0 : e.baselineWatts()));
    }
    return active;
  }
}
