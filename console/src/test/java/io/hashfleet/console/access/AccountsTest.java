package io.hashfleet.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.MinerAddress;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.store.FleetStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private static List<MinerAddress> addresses(int from, int count) {
    List<MinerAddress> out = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) out.add(MinerAddress.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
    return out;
  }

  @Test
  void a_whole_site_changes_hands_in_one_write_and_a_later_assignment_moves_only_the_named_miners() {
    try (FleetStore store = FleetStore.inMemory()) {
      Accounts accounts = new Accounts(store, Clock.systemUTC());
      accounts.putTenant(new Tenant("hostco", "HostCo", TenantKind.OPERATOR));
      accounts.putTenant(new Tenant("a", "Owner A", TenantKind.OWNER));
      accounts.putTenant(new Tenant("b", "Owner B", TenantKind.OWNER));

      // 60,000 miners: row-by-row upserts took minutes at this size.
      List<MinerAddress> all = addresses(0, 60_000);
      long t0 = System.nanoTime();
      assertThat(accounts.assignMiners("a", all)).isEqualTo(60_000);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).as("60,000 ownership rows in one statement (ms)").isLessThan(20_000);

      // The same miner named twice counts once; moving 20,000 to B leaves A the rest.
      List<MinerAddress> moved = new ArrayList<>(addresses(40_000, 20_000));
      moved.add(moved.get(0));
      assertThat(accounts.assignMiners("b", moved)).isEqualTo(20_000);
      assertThat(accounts.minerCounts()).isEqualTo(Map.of("a", 40_000, "b", 20_000));
      assertThat(accounts.ownerOf(MinerAddress.of("10.0.156.63"))).contains("a"); // miner 39,999
      assertThat(accounts.ownerOf(MinerAddress.of("10.0.156.64"))).contains("b"); // miner 40,000
      assertThat(accounts.assignMiners("b", List.of())).isZero();
    }
  }

  @Test
  void only_owner_tenants_that_exist_own_miners() {
    try (FleetStore store = FleetStore.inMemory()) {
      Accounts accounts = new Accounts(store, Clock.systemUTC());
      accounts.putTenant(new Tenant("hostco", "HostCo", TenantKind.OPERATOR));
      List<MinerAddress> one = addresses(0, 1);
      assertThatThrownBy(() -> accounts.assignMiners("hostco", one)).hasMessageContaining("only owners own miners");
      assertThatThrownBy(() -> accounts.assignMiners("nobody", one)).hasMessageContaining("no tenant 'nobody'");
      assertThat(accounts.minerCounts()).isEmpty();
    }
  }

  @Test
  void an_owner_sees_the_books_kept_for_it_and_the_operator_none() {
    try (FleetStore store = FleetStore.inMemory()) {
      Accounts accounts = new Accounts(store, Clock.systemUTC());
      Tenant hostco = new Tenant("hostco", "HostCo", TenantKind.OPERATOR);
      Tenant a = new Tenant("a", "Owner A", TenantKind.OWNER);
      Tenant b = new Tenant("b", "Owner B", TenantKind.OWNER);
      for (Tenant t : List.of(hostco, a, b)) accounts.putTenant(t);
      Principal ops = new Principal("ops", hostco, Role.values()[0]);
      Principal ofA = new Principal("alice", a, Role.values()[0]);
      Principal ofB = new Principal("bob", b, Role.values()[0]);
      assertThat(accounts.booksFor(ofA)).as("no books tenant, no rows: nothing kept for A").isEmpty();
      accounts.setBooksTenant("a");
      assertThat(accounts.booksFor(ofA)).contains(Books.of("a", true));
      assertThat(accounts.booksFor(ofB)).isEmpty();
      assertThat(accounts.booksVisibleTo(ops)).isFalse();
      // B's first payout makes books of its own, which hold its rows alone.
      new PayoutStore(store, accounts.booksOf("b")).importAll(List.of(new Payout("b-1", java.time.Instant.parse("2024-12-02T00:00:00Z"),
          io.hashfleet.domain.Btc.parse("0.01"), "pool")), "b.csv");
      assertThat(accounts.booksFor(ofB)).contains(Books.of("b", false));
      assertThat(accounts.booksVisibleTo(ops)).isFalse();
      assertThatThrownBy(() -> accounts.booksOf("hostco")).hasMessageContaining("tenant hostco is the operator");
      assertThatThrownBy(() -> accounts.booksOf("nobody")).hasMessageContaining("no tenant 'nobody'");
    }
  }
}
