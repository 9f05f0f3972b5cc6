package io.hashfleet.console.access;

import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only log of logins and of every command sent from the console (store table console_audit). */
public final class ConsoleAudit {
  private final FleetStore store;
  private final Clock clock;

  public ConsoleAudit(FleetStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** One line of the log. username and tenant are null when a login named nobody known. */
  public record Entry(long seq, Instant at, String username, String tenant, String action, String target, String detail, String clientIp) {}

  public void record(String username, String tenant, String action, String target, String detail, String clientIp) {
    store.write("audit " + action, c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO console_audit (logged_at, username, tenant, action, target, detail, client_ip)"
          + " VALUES (make_timestamp(?), ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, UtcMicros.of(clock.instant()));
        p.setString(2, username);
        p.setString(3, tenant);
        p.setString(4, action);
        p.setString(5, target);
        p.setString(6, detail);
        p.setString(7, clientIp);
        p.executeUpdate();
      }
      return null;
    });
  }

  public void record(Principal who, String action, String target, String detail, String clientIp) {
    record(who.username(), who.tenant().id(), action, target, detail, clientIp);
  }

  /** Newest first; {@code tenant} null for every tenant's entries. */
  public List<Entry> entries(String tenant, int limit) {
    return store.read("console audit", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT seq, epoch_us(logged_at), username, tenant, action, target, detail, client_ip"
          + " FROM console_audit WHERE ? IS NULL OR tenant = ? ORDER BY seq DESC LIMIT ?")) {
        p.setString(1, tenant);
        p.setString(2, tenant);
        p.setInt(3, limit);
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new Entry(rs.getLong(1), UtcMicros.toInstant(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8)));
          }
        }
        return out;
      }
    });
  }
}
