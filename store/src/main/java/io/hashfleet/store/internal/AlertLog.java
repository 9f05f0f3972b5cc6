package io.hashfleet.store.internal;

import io.hashfleet.domain.Alert;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code alerts} table. At most one alert per miner and kind is open at a time, so a poller
 * that re-raises a standing problem every cycle does not pile up duplicates.
 */
public final class AlertLog {
  private final Database db;

  public AlertLog(Database db) {
    this.db = db;
  }

  /** Records an alert; returns false, changing nothing, when one of that kind is already open for the miner. */
  public boolean open(Alert alert) {
    return db.write("open alert " + alert.kind().code() + " on " + alert.address(), c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM alerts WHERE address = ? AND kind = ? AND closed IS NULL")) {
        p.setString(1, alert.address().toString());
        p.setString(2, alert.kind().code());
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          if (alert.isOpen() && rs.getLong(1) > 0) return false;
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO alerts (address, kind, opened, closed, detail) VALUES (?, ?, make_timestamp(?), make_timestamp(?), ?)")) {
        p.setString(1, alert.address().toString());
        p.setString(2, alert.kind().code());
        p.setLong(3, Times.micros(alert.opened()));
        p.setObject(4, alert.closed() == null ? null : Times.micros(alert.closed()));
        p.setString(5, alert.detail());
        p.executeUpdate();
      }
      return true;
    });
  }

  /** Closes the open alert of that kind on the miner; returns false when none was open. */
  public boolean close(MinerAddress address, HealthState kind, Instant closed) {
    return db.write("close alert " + kind.code() + " on " + address, c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE alerts SET closed = make_timestamp(?) WHERE address = ? AND kind = ? AND closed IS NULL")) {
        p.setLong(1, Times.micros(closed));
        p.setString(2, address.toString());
        p.setString(3, kind.code());
        return p.executeUpdate() > 0;
      }
    });
  }

  /** Alerts, newest first. */
  public List<Alert> list(boolean openOnly) {
    String sql = "SELECT address, kind, epoch_us(opened), epoch_us(closed), detail FROM alerts"
        + (openOnly ? " WHERE closed IS NULL" : "") + " ORDER BY opened DESC, id DESC";
    return db.read("list alerts", c -> {
      try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
        List<Alert> out = new ArrayList<>();
        while (rs.next()) {
          long closed = rs.getLong(4);
          Instant closedAt = rs.wasNull() ? null : Times.instant(closed);
          out.add(new Alert(MinerAddress.parse(rs.getString(1)), HealthState.fromCode(rs.getString(2)), Times.instant(rs.getLong(3)),
              closedAt, rs.getString(5)));
        }
        return out;
      }
    });
  }
}
