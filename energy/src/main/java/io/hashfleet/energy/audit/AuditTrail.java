package io.hashfleet.energy.audit;

import io.hashfleet.store.BulkRows;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The energy audit trail in the fleet store: events and every command attempt and confirmation,
 * append-only (events get only their closing time set). A controller that restarts reads what
 * each miner was last told from here.
 */
public final class AuditTrail {
  private final FleetStore store;

  public AuditTrail(FleetStore store) {
    this.store = store;
  }

  public void open(EnergyEvent e) {
    store.write("record energy event " + e.id(), c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO energy_events (id, kind, site, shed_watts, received_at, deadline, ends_at,"
          + " baseline_watts, source, closed_at) VALUES (?, ?, ?, ?, make_timestamp(?), make_timestamp(?), make_timestamp(?), ?, ?, NULL)")) {
        p.setString(1, e.id());
        p.setString(2, e.kind().code());
        p.setString(3, e.site());
        p.setObject(4, e.shedWatts());
        p.setLong(5, UtcMicros.of(e.receivedAt()));
        p.setObject(6, e.deadline() == null ? null : UtcMicros.of(e.deadline()));
        p.setObject(7, e.endsAt() == null ? null : UtcMicros.of(e.endsAt()));
        p.setObject(8, e.baselineWatts());
        p.setString(9, e.source());
        p.executeUpdate();
      }
      return null;
    });
  }

  public void close(String eventId, Instant at) {
    store.write("close energy event " + eventId, c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE energy_events SET closed_at = make_timestamp(?) WHERE id = ? AND closed_at IS NULL")) {
        p.setLong(1, UtcMicros.of(at));
        p.setString(2, eventId);
        p.executeUpdate();
      }
      return null;
    });
  }

  public List<EnergyEvent> events(boolean openOnly) {
    return store.read("energy events", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, kind, site, shed_watts, epoch_us(received_at), epoch_us(deadline), epoch_us(ends_at),"
          + " baseline_watts, source, epoch_us(closed_at) FROM energy_events" + (openOnly ? " WHERE closed_at IS NULL" : "") + " ORDER BY received_at");
          ResultSet rs = p.executeQuery()) {
        List<EnergyEvent> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new EnergyEvent(rs.getString(1), EnergyEvent.Kind.of(rs.getString(2)), rs.getString(3), longOrNull(rs, 4),
              UtcMicros.toInstant(rs.getLong(5)), instantOrNull(rs, 6), instantOrNull(rs, 7), longOrNull(rs, 8), rs.getString(9), instantOrNull(rs, 10)));
        }
        return out;
      }
    });
  }

  public Optional<EnergyEvent> event(String id) {
    return events(false).stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * Appends actions in one transaction, in the order given, through the store's bulk path: a
   * demand-response call writes tens of thousands of rows at once (see {@link BulkRows}).
   */
  public void append(List<EnergyAction> actions) {
    if (actions.isEmpty()) return;
    store.write("append " + actions.size() + " energy actions", c -> {
      long seq = nextSeq(c);
      List<Object[]> rows = new ArrayList<>(actions.size());
      for (EnergyAction a : actions) {
        rows.add(new Object[] {seq++, a.at(), a.eventId(), a.site(), a.address(), a.command().name().toLowerCase(), a.plannedWatts(), a.attempt(),
            a.outcome().name().toLowerCase(), a.detail(), a.measuredWatts(), a.targetWatts()});
      }
      BulkRows.append(c, "energy_actions", rows);
      return null;
    });
  }

  /** Every action, in order; for an event when {@code eventId} is given. */
  public List<EnergyAction> actions(String eventId) {
    return store.read("energy actions", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT epoch_us(acted_at), event_id, site, address, command, planned_watts, attempt, outcome,"
          + " detail, measured_watts, target_watts FROM energy_actions" + (eventId == null ? "" : " WHERE event_id = ?") + " ORDER BY seq")) {
        if (eventId != null) p.setString(1, eventId);
        try (ResultSet rs = p.executeQuery()) {
          List<EnergyAction> out = new ArrayList<>();
          while (rs.next()) out.add(action(rs));
          return out;
        }
      }
    });
  }

  /**
   * The last command each miner accepted (confirmation rows included), so a restarted controller
   * knows which miners it left asleep and why.
   */
  public Map<String, EnergyAction> lastAcceptedByMiner() {
    return lastByMiner("last accepted energy action per miner", "");
  }

  /**
   * The last power target each miner accepted, whatever came after it: firmware keeps its target
   * through sleep and wake, so this is the target in force on a miner that runs (a row with
   * planned watts 0 put it back at nominal).
   */
  public Map<String, EnergyAction> lastTargetByMiner() {
    return lastByMiner("last power target per miner", " AND command = 'power_target'");
  }

  /** The last sleep or wake each miner accepted: whether it is asleep, and since when (minimum on/off times). */
  public Map<String, EnergyAction> lastSleepOrWakeByMiner() {
    return lastByMiner("last sleep or wake per miner", " AND command IN ('sleep', 'wake')");
  }

  private Map<String, EnergyAction> lastByMiner(String what, String andCommand) {
    // Asked every tick: one row per miner from SQL, not the whole trail read back.
    return store.read(what, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT epoch_us(acted_at), event_id, site, address, command, planned_watts, attempt, outcome,"
          + " detail, measured_watts, target_watts FROM energy_actions WHERE outcome IN ('accepted', 'confirmed')" + andCommand
          + " QUALIFY row_number() OVER (PARTITION BY address ORDER BY seq DESC) = 1 ORDER BY seq");
          ResultSet rs = p.executeQuery()) {
        Map<String, EnergyAction> out = new LinkedHashMap<>();
        while (rs.next()) {
          EnergyAction a = action(rs);
          out.put(a.address(), a);
        }
        return out;
      }
    });
  }

  private static EnergyAction action(ResultSet rs) throws SQLException {
    return new EnergyAction(UtcMicros.toInstant(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
        EnergyAction.Command.valueOf(rs.getString(5).toUpperCase()), rs.getLong(6), rs.getInt(7), EnergyAction.Outcome.valueOf(rs.getString(8).toUpperCase()),
        rs.getString(9), longOrNull(rs, 10), longOrNull(rs, 11));
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM energy_actions"); ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Long longOrNull(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static Instant instantOrNull(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : UtcMicros.toInstant(v);
  }
}
