package io.hashfleet.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Accounts accounts(FleetStore store, Clock clock) {
    Accounts a = new Accounts(store, clock);
    a.putTenant(new Tenant("northwind", "Northwind", TenantKind.OWNER));
    return a;
  }

  @Test
  void a_session_outlives_a_restart_with_its_csrf_token_and_the_store_holds_no_cookie(@TempDir Path dir) {
    TestClock clock = new TestClock();
    Path file = dir.resolve("s.duckdb");
    Sessions.Session opened;
    try (FleetStore store = FleetStore.open(file)) {
      Accounts accounts = accounts(store, clock);
      accounts.putUser("ana", "northwind", Role.OWNER, "pw-ana-123".toCharArray());
      opened = new Sessions(clock, Duration.ofHours(8), accounts).open(accounts.authenticate("ana", "pw-ana-123".toCharArray()).orElseThrow());
    }
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    try (FleetStore store = FleetStore.open(file)) {
      Accounts accounts = new Accounts(store, clock);
      Sessions restarted = new Sessions(clock, Duration.ofHours(8), accounts);
      Sessions.Session back = restarted.find(opened.id()).orElseThrow();
      assertThat(back.principal().username()).isEqualTo("ana");
      assertThat(back.principal().role()).isEqualTo(Role.OWNER);
      assertThat(back.principal().tenant().id()).isEqualTo("northwind");
      assertThat(back.csrf()).isEqualTo(opened.csrf());
      assertThat(restarted.find("not-a-session")).isEmpty();
      assertThat(columnValues(store)).isNotEmpty().noneMatch(v -> v.contains(opened.id()));

      restarted.close(opened.id());
      assertThat(new Sessions(clock, Duration.ofHours(8), accounts).find(opened.id())).as("logged out stays logged out").isEmpty();
    }
  }

  @Test
  void an_idle_session_or_one_whose_user_lost_the_role_is_not_brought_back(@TempDir Path dir) {
    TestClock clock = new TestClock();
    try (FleetStore store = FleetStore.open(dir.resolve("s.duckdb"))) {
      Accounts accounts = accounts(store, clock);
      accounts.putUser("ana", "northwind", Role.OWNER, "pw-ana-123".toCharArray());
      accounts.putUser("ben", "northwind", Role.OWNER_ADMIN, "pw-ben-123".toCharArray());
      Sessions before = new Sessions(clock, Duration.ofHours(8), accounts);
      Sessions.Session ana = before.open(accounts.authenticate("ana", "pw-ana-123".toCharArray()).orElseThrow());
      Sessions.Session ben = before.open(accounts.authenticate("ben", "pw-ben-123".toCharArray()).orElseThrow());

      // ben is made a viewer while the process is down: his session comes back with the new role
      accounts.putUser("ben", "northwind", Role.VIEWER, "pw-ben-123".toCharArray());
      clock.now = clock.now.plus(Duration.ofHours(2));
      Sessions after = new Sessions(clock, Duration.ofHours(8), accounts);
      assertThat(after.find(ben.id()).orElseThrow().principal().role()).isEqualTo(Role.VIEWER);

      // ana has not been seen for 9 hours: gone, in memory and in the store
      clock.now = clock.now.plus(Duration.ofHours(7));
      Sessions later = new Sessions(clock, Duration.ofHours(8), accounts);
      assertThat(later.find(ana.id())).isEmpty();
      assertThat(later.find(ben.id())).as("ben was seen 7 hours ago").isPresent();
    }
  }

  private static List<String> columnValues(FleetStore store) {
    return store.read("sessions", c -> {
      List<String> out = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT id_sha256, username, csrf FROM console_sessions")) {
        while (rs.next()) for (int i = 1; i <= 3; i++) out.add(rs.getString(i));
      }
      return out;
    });
  }
}
