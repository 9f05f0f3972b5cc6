package io.hashfleet.energy.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: a command attempt and its outcome, or a telemetry confirmation.
 *
 * @param plannedWatts the draw the command removes (sleep) or adds (wake)
 * @param measuredWatts on confirmation rows, the draw telemetry reported
 */
public record EnergyAction(Instant at, String eventId, String site, String address, Command command, long plannedWatts, int attempt, Outcome outcome,
    String detail, Long measuredWatts) {
  public enum Command {
    SLEEP,
    WAKE
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
  }
}
