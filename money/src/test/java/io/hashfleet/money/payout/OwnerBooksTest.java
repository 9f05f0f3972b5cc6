package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.csv.ImportException;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.money.treasury.LedgerException;
import io.hashfleet.money.treasury.Receipt;
import io.hashfleet.money.treasury.Sale;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Two owners' books in one store (V9): northwind keeps the store's default books (it is the books
 * tenant), bluepeak books of its own. Neither ever sees the other's payouts or coins.
 */
class OwnerBooksTest {
  static final Books NORTHWIND = Books.of("northwind", true);
  static final Books BLUEPEAK = Books.of("bluepeak", false);
  static final Instant T0 = Instant.parse("2024-12-01T00:00:00Z");
  static final Instant END = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void each_owner_reads_its_own_payouts_and_ledger_and_the_books_tenant_also_the_default_rows() {
    try (FleetStore store = FleetStore.inMemory()) {
      new PayoutStore(store).importAll(List.of(payout("old-1", 1, "0.001")), "before V9"); // untenanted: the default books
      new PayoutStore(store, NORTHWIND).importAll(List.of(payout("nw-1", 2, "0.002")), "nw.csv");
      new PayoutStore(store, BLUEPEAK).importAll(List.of(payout("bp-1", 2, "0.030"), payout("bp-2", 3, "0.040")), "bp.csv");
      new TreasuryStore(store, BLUEPEAK).append(new Sale("bp-sale", T0.plusSeconds(86_400 * 5), Btc.parse("0.01"), new BigDecimal("950"), Btc.ZERO));

      assertThat(new PayoutStore(store, NORTHWIND).between(T0, END)).extracting(Payout::id).containsExactly("old-1", "nw-1");
      assertThat(new PayoutStore(store, BLUEPEAK).between(T0, END)).extracting(Payout::id).containsExactly("bp-1", "bp-2");
      assertThat(new PayoutStore(store).between(T0, END)).as("default books: untenanted rows only").extracting(Payout::id).containsExactly("old-1");
      assertThat(new PayoutStore(store, BLUEPEAK).ids()).containsExactlyInAnyOrder("bp-1", "bp-2");
      assertThat(new PayoutStore(store, BLUEPEAK).idsElsewhere()).containsOnlyKeys("old-1", "nw-1");

      assertThat(new TreasuryStore(store, NORTHWIND).ledger().balance()).isEqualTo(Btc.parse("0.003"));
      assertThat(new TreasuryStore(store, BLUEPEAK).ledger().balance()).isEqualTo(Btc.parse("0.06"));
      assertThat(new TreasuryStore(store, BLUEPEAK).entries()).extracting(e -> e.id()).containsExactly("payout:bp-1", "payout:bp-2", "bp-sale");
      assertThat(BLUEPEAK.anyIn(store)).isTrue();
      assertThat(Books.of("southgate", false).anyIn(store)).isFalse();
    }
  }

  @Test
  void a_sale_is_checked_against_its_owners_holdings_not_the_stores() {
    try (FleetStore store = FleetStore.inMemory()) {
      new PayoutStore(store, NORTHWIND).importAll(List.of(payout("nw-1", 1, "1")), "nw.csv");
      new PayoutStore(store, BLUEPEAK).importAll(List.of(payout("bp-1", 1, "0.1")), "bp.csv");
      // the store holds 1.1 BTC, bluepeak 0.1 of it
      assertThatThrownBy(() -> new TreasuryStore(store, BLUEPEAK).append(new Sale("s", T0.plusSeconds(86_400 * 3), Btc.parse("0.5"),
          new BigDecimal("47500"), Btc.ZERO))).isInstanceOf(LedgerException.class);
    }
  }

  @Test
  void an_id_already_in_another_owners_books_is_refused_by_name_and_line() {
    try (FleetStore store = FleetStore.inMemory()) {
      new PayoutStore(store, NORTHWIND).importAll(List.of(payout("shared", 1, "0.001")), "nw.csv");
      PayoutStore bp = new PayoutStore(store, BLUEPEAK);
      String csv = "payout_id,paid_at,amount_btc,currency\nbp-1,2024-12-02T00:00:00Z,0.01,BTC\nshared,2024-12-03T00:00:00Z,0.02,BTC\n";
      assertThatThrownBy(() -> PayoutCsv.parse("bp.csv", csv, bp.ids(), bp.idsElsewhere()).orThrow())
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("bp.csv:3: payout id 'shared' is already in owner northwind's books");
      assertThatThrownBy(() -> bp.importAll(List.of(payout("shared", 2, "0.02")), "api"))
          .hasMessageContaining("payout id 'shared' is already in owner northwind's books");
      assertThatThrownBy(() -> new TreasuryStore(store, BLUEPEAK).append(new Receipt("payout:shared", T0, Btc.parse("1"), "manual")))
          .isInstanceOf(LedgerException.class).hasMessageContaining("already in owner northwind's books");
      assertThat(new PayoutStore(store, NORTHWIND).between(T0, END)).extracting(Payout::amount).containsExactly(Btc.parse("0.001"));
      assertThat(bp.between(T0, END)).isEmpty();
    }
  }

  /** Who a generated payout belongs to: 0 the default books (untenanted), 1 northwind's own rows, 2 bluepeak. */
  record Booked(int who, int day, long sats) {}

  @Property(tries = 40)
  void two_owners_payouts_and_ledgers_never_mix(@ForAll("bookings") List<Booked> bookings) {
    try (FleetStore store = FleetStore.inMemory()) {
      List<Books> writers = List.of(Books.DEFAULT, NORTHWIND, BLUEPEAK);
      long[] sats = new long[3];
      List<List<String>> ids = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < bookings.size(); i++) {
        Booked b = bookings.get(i);
        Payout p = new Payout("p" + i, T0.plusSeconds(86_400L * b.day()), Btc.ofSats(b.sats()), "pool");
        new PayoutStore(store, writers.get(b.who())).importAll(List.of(p), "gen");
        sats[b.who()] += b.sats();
        ids.get(b.who()).add(p.id());
      }
      // northwind is the books tenant: the default rows are its as well
      assertThat(new TreasuryStore(store, NORTHWIND).ledger().balance()).isEqualTo(Btc.ofSats(sats[0] + sats[1]));
      assertThat(new TreasuryStore(store, BLUEPEAK).ledger().balance()).isEqualTo(Btc.ofSats(sats[2]));
      assertThat(new TreasuryStore(store).ledger().balance()).isEqualTo(Btc.ofSats(sats[0]));
      assertThat(new TreasuryStore(store, BLUEPEAK).ledger().holdingsAt(END)).isEqualTo(Btc.ofSats(sats[2]));
      List<String> nw = new ArrayList<>(ids.get(0));
      nw.addAll(ids.get(1));
      assertThat(new PayoutStore(store, NORTHWIND).between(T0, END)).extracting(Payout::id).containsExactlyInAnyOrderElementsOf(nw);
      assertThat(new PayoutStore(store, BLUEPEAK).between(T0, END)).extracting(Payout::id).containsExactlyInAnyOrderElementsOf(ids.get(2));
      Set<String> bpIds = new PayoutStore(store, BLUEPEAK).ids();
      assertThat(bpIds).noneMatch(nw::contains);
      assertThat(new PayoutStore(store, BLUEPEAK).idsElsewhere().keySet()).containsExactlyInAnyOrderElementsOf(nw);
      Map<String, String> nwElsewhere = new PayoutStore(store, NORTHWIND).idsElsewhere();
      assertThat(nwElsewhere.keySet()).containsExactlyInAnyOrderElementsOf(ids.get(2));
    }
  }

  @Provide
  Arbitrary<List<Booked>> bookings() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 30),
        Arbitraries.longs().between(1, 5_000_000_000L)).as(Booked::new).list().ofMaxSize(12);
  }

  static Payout payout(String id, int day, String btc) {
    return new Payout(id, T0.plusSeconds(86_400L * day), Btc.parse(btc), "pool");
  }
}
