package io.hashfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.store.internal.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
  @TempDir Path dir;

  @Test
  void open_createsParentDirectoriesAndAppliesEveryMigrationOnce() throws SQLException {
    Path file = dir.resolve("nested/deeper/fleet.duckdb");
    try (FleetStore store = FleetStore.open(file)) {
      assertThat(store.minerCount()).isZero();
    }
    assertThat(file).exists();
    assertThat(versions(file)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void reopening_appliesNothingTwiceAndKeepsData() throws SQLException {
    Path file = dir.resolve("fleet.duckdb");
    try (FleetStore store = FleetStore.open(file)) {
      store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "a")));
    }
    try (FleetStore store = FleetStore.open(file)) {
      assertThat(store.minerCount()).isEqualTo(1);
    }
    assertThat(versions(file)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void migrationList_isNumberedWithoutGaps() {
    List<Migrator.Migration> all = Migrator.available();
    assertThat(all).isNotEmpty();
    for (int i = 0; i < all.size(); i++) assertThat(all.get(i).version()).isEqualTo(i + 1);
  }

  @Test
  void a_store_made_before_fan_speeds_is_upgraded_in_place_and_keeps_its_miners() throws SQLException {
    Path file = dir.resolve("old.duckdb");
    try (FleetStore store = FleetStore.open(file)) {
      store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "a")));
    }
    // Turn it back into a version-1 file, as an earlier release left it.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE samples DROP COLUMN fans_rpm");
      s.execute("ALTER TABLE latest DROP COLUMN fans_rpm");
      s.execute("DROP TABLE chain_epochs");
      s.execute("DROP TABLE block_fees");
      for (String t : List.of("payouts", "ledger", "btc_prices", "energy_events", "energy_actions", "tenants", "miner_owners", "users",
          "api_tokens", "console_audit", "settings", "console_sessions")) {
        s.execute("DROP TABLE " + t);
      }
      s.execute("DROP SEQUENCE console_audit_seq");
      s.execute("DELETE FROM schema_version WHERE version >= 2");
    }
    assertThat(versions(file)).containsExactly(1);
    try (FleetStore store = FleetStore.open(file)) {
      assertThat(store.minerCount()).isEqualTo(1);
      store.appendSamples(List.of(Fixtures.answered(Fixtures.address(1), Fixtures.T0, "s19xp", io.hashfleet.domain.HealthState.OK)));
      assertThat(store.latest(MinerQuery.all()).get(0).latest().fansRpm()).containsExactly(5400, 5520, 5460, 5490);
    }
    assertThat(versions(file)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  private static List<Integer> versions(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getInt(1));
      return out;
    }
  }
}
