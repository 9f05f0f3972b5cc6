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
 * for an event that has ended, and close events whose miners are all awake again. Read from the
 * audit trail alone, so a controller that died mid-event leaves no miner off after it.
 */
public final class Resume {
  private Resume() {}

  /** Addresses to wake now: their last accepted command was a sleep for an event that is over. */
  public static List<String> minersToWake(AuditTrail trail, Instant now) {
    Map<String, EnergyEvent> events = new HashMap<>();
    for (EnergyEvent e : trail.events(false)) events.put(e.id(), e);
    List<String> out = new ArrayList<>();
    for (EnergyAction a : trail.lastAcceptedByMiner().values()) {
      if (a.command() != EnergyAction.Command.SLEEP || a.eventId() == null) continue;
      EnergyEvent e = events.get(a.eventId());
      if (e == null || e.endedBy(now) || !e.isOpen()) out.add(a.address());
    }
    return out;
  }

  /** Closes open events that have ended and have no miner still asleep for them; returns their ids. */
  public static List<String> closeFinished(AuditTrail trail, Instant now) {
    Map<String, Integer> asleep = new HashMap<>();
    for (EnergyAction a : trail.lastAcceptedByMiner().values()) {
      if (a.command() == EnergyAction.Command.SLEEP && a.eventId() != null) asleep.merge(a.eventId(), 1, Integer::sum);
    }
    List<String> closed = new ArrayList<>();
    for (EnergyEvent e : trail.events(true)) {
      if (e.endedBy(now) && !asleep.containsKey(e.id())) {
        trail.close(e.id(), now);
        closed.add(e.id());
      }
    }
    return closed;
  }
}
