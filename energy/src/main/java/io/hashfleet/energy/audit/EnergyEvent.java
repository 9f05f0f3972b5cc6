package io.hashfleet.energy.audit;

import java.time.Instant;
import java.util.Objects;

/** Something that made the controller curtail, as kept in the audit trail. */
public record EnergyEvent(String id, Kind kind, String site, Long shedWatts, Instant receivedAt, Instant deadline, Instant endsAt, Long baselineWatts,
    String source, Instant closedAt) {
  public enum Kind {
    DEMAND_RESPONSE,
    FOUR_CP,
    ECONOMIC,
    MANUAL;

    public String code() {
      return name().toLowerCase();
    }

    public static Kind of(String code) {
      return valueOf(code.toUpperCase());
    }
  }

  public EnergyEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  /** Over: machines slept for it should be awake again. */
  public boolean endedBy(Instant t) {
    return endsAt != null && !t.isBefore(endsAt);
  }
}
