package io.hashfleet.energy.execution;

import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a controller must do after a restart (and on every tick): wake every miner it left asleep
 * for an event that has ended, return to full power every miner it left turned down for one, and
 * close events whose miners are all back. Read from the audit trail alone, so a controller that
 * died mid-event leaves no miner off or turned down after it.
 */
public final class Resume {
  private Resume() {}

  /** Addresses to wake now: their last accepted command was a sleep for an event that is over. */
  public static List<String> minersToWake(AuditTrail trail, Instant now) {
    return leftBy(trail, now, EnergyAction.Command.SLEEP);
  }

  /**
   * Addresses to return to full power now: the target in force turned them down for an event that
   * is over. A miner still asleep is woken first; it comes back at its old target, and the next
   * tick returns it to nominal.
   */
  public static List<String> minersToRestore(AuditTrail trail, Instant now) {
    Map<String, EnergyAction> last = trail.lastAcceptedByMiner();
    List<String> out = new ArrayList<>();
    for (EnergyAction a : leftBy(trail, now, trail.lastTargetByMiner())) {
      EnergyAction latest = last.get(a.address());
      if (latest == null || latest.command() != EnergyAction.Command.SLEEP) out.add(a.address());
    }
    return out;
  }

  private static List<String> leftBy(AuditTrail trail, Instant now, EnergyAction.Command command) {
    List<String> out = new ArrayList<>();
    for (EnergyAction a : leftBy(trail, now, trail.lastAcceptedByMiner())) if (a.command() == command) out.add(a.address());
    return out;
  }

  private static List<EnergyAction> leftBy(AuditTrail trail, Instant now, Map<String, EnergyAction> lastByMiner) {
    Map<String, EnergyEvent> events = new HashMap<>();
    for (EnergyEvent e : trail.events(false)) events.put(e.id(), e);
    List<EnergyAction> out = new ArrayList<>();
    for (EnergyAction a : lastByMiner.values()) {
      if (!curtails(a) || a.eventId() == null) continue;
      EnergyEvent e = events.get(a.eventId());
      if (e == null || e.endedBy(now) || !e.isOpen()) out.add(a);
    }
    return out;
  }

  /** Closes open events that have ended and have no miner still asleep or turned down for them; returns their ids. */
  public static List<String> closeFinished(AuditTrail trail, Instant now) {
    Map<String, Integer> curtailed = new HashMap<>();
    for (EnergyAction a : trail.lastAcceptedByMiner().values()) {
      if (curtails(a) && a.eventId() != null) curtailed.merge(a.eventId(), 1, Integer::sum);
    }
    for (EnergyAction a : trail.lastTargetByMiner().values()) {
      if (a.turnedDown() && a.eventId() != null) curtailed.merge(a.eventId(), 1, Integer::sum);
    }
    List<String> closed = new ArrayList<>();
    for (EnergyEvent e : trail.events(true)) {
      if (e.endedBy(now) && !curtailed.containsKey(e.id())) {
        trail.close(e.id(), now);
        closed.add(e.id());
      }
    }
    return closed;
  }

  /** The command leaves the miner drawing less than nominal. */
  private static boolean curtails(EnergyAction a) {
    return a.command() == EnergyAction.Command.SLEEP || a.turnedDown();
  }
}
