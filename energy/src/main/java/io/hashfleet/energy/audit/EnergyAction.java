package io.hashfleet.energy.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: a command attempt and its outcome, or a telemetry confirmation.
 *
 * @param plannedWatts the draw the command removes (sleep), adds (wake), or, for a power target,
 *     removes against the machine's nominal draw (0 for a return to full power)
 * @param measuredWatts on confirmation rows, the draw telemetry reported
 * @param targetWatts on power-target rows, the target sent; null otherwise
 */
public record EnergyAction(Instant at, String eventId, String site, String address, Command command, long plannedWatts, int attempt, Outcome outcome,
    String detail, Long measuredWatts, Long targetWatts) {
  public enum Command {
    SLEEP,
    WAKE,
    /** Hash at reduced (or, back at nominal, full) power; firmware that takes it: see PowerTargets. */
    POWER_TARGET
  }

  public enum Outcome {
    ACCEPTED,
    REFUSED,
    FAILED,
    CONFIRMED,
    UNCONFIRMED
  }

  public EnergyAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(outcome, "outcome");
    if ((command == Command.POWER_TARGET) != (targetWatts != null)) {
      throw new IllegalArgumentException(address + ": a power-target row needs its target, and only such a row has one");
    }
  }

  /** A sleep or wake row (no target). */
  public EnergyAction(Instant at, String eventId, String site, String address, Command command, long plannedWatts, int attempt, Outcome outcome,
      String detail, Long measuredWatts) {
    this(at, eventId, site, address, command, plannedWatts, attempt, outcome, detail, measuredWatts, null);
  }

  /** The same command with another outcome, as a confirmation verdict records it. */
  public EnergyAction verdict(Instant when, Outcome verdict, String why, Long measured) {
    return new EnergyAction(when, eventId, site, address, command, plannedWatts, attempt, verdict, why, measured, targetWatts);
  }

  /** A power target that leaves the machine below its nominal draw: it is still curtailed. */
  public boolean turnedDown() {
    return command == Command.POWER_TARGET && plannedWatts > 0;
  }
}
