package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever is thrown at it, in whatever order, the ledger's balance is exactly what it accepted
 * in less what it let out, never below zero, and a refusal changes nothing. The expected outcome
 * of every attempt is worked out here independently, from the rules alone.
 */
class LedgerPropertiesTest {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final long MAX = LedgerEntry.MAX_SUPPLY.sats();

  /**
   * One attempt to book something; amounts may be invalid, ids may repeat, and {@code backdate}
   * puts this one attempt before the running clock.
   */
  record Attempt(int kind, String id, long secondsAfterPrevious, long backdate, long sats, long feeSats) {}

  @Property(tries = 1000)
  void balanceIsAlwaysAcceptedInflowsLessAcceptedOutflows(@ForAll("attempts") List<Attempt> attempts) {
    Ledger ledger = new Ledger();
    long receipts = 0;
    long outflows = 0;
    Set<String> acceptedIds = new HashSet<>();
    Instant lastAccepted = null;
    Map<Instant, Long> balanceAtTime = new LinkedHashMap<>();
    Instant clock = START;
    for (Attempt attempt : attempts) {
      clock = clock.plusSeconds(attempt.secondsAfterPrevious());
      Instant at = clock.minusSeconds(attempt.backdate());
      LedgerEntry entry;
      try {
        entry = entry(attempt, at);
      } catch (IllegalArgumentException e) {
        assertThat(validAmounts(attempt)).as("refused at construction: %s", e.getMessage()).isFalse();
        continue;
      }
      assertThat(validAmounts(attempt)).isTrue();
      long balance = receipts - outflows;
      long after = balance + entry.change().sats();
      boolean inOrderWithNewId = (lastAccepted == null || !at.isBefore(lastAccepted)) && !acceptedIds.contains(entry.id());
      boolean shouldAccept = inOrderWithNewId && after >= 0 && after <= MAX;
      long expectedShortfall = inOrderWithNewId && after < 0 ? -after : 0;

      List<LedgerEntry> before = List.copyOf(ledger.entries());
      boolean accepted;
      try {
        ledger.append(entry);
        accepted = true;
      } catch (LedgerException e) {
        accepted = false;
        assertThat(e.entry()).isSameAs(entry);
        assertThat(e.shortfall().sats()).isEqualTo(expectedShortfall);
        assertThat(ledger.entries()).isEqualTo(before);
        assertThat(ledger.contains(entry.id())).isEqualTo(acceptedIds.contains(entry.id()));
      }
      assertThat(accepted).as("%s after balance %s", entry, balance).isEqualTo(shouldAccept);
      if (accepted) {
        if (entry instanceof Receipt) receipts += entry.amount().sats();
        else outflows -= entry.change().sats();
        acceptedIds.add(entry.id());
        lastAccepted = at;
        balanceAtTime.put(at, receipts - outflows);
      }
      assertThat(ledger.balance().sats()).isEqualTo(receipts - outflows).isNotNegative();
    }
    assertThat(ledger.entries()).hasSize(acceptedIds.size());
    balanceAtTime.forEach((time, balance) -> assertThat(ledger.holdingsAt(time).sats()).isEqualTo(balance));
    if (lastAccepted != null) assertThat(ledger.holdingsAt(lastAccepted)).isEqualTo(ledger.balance());
    assertThat(Ledger.of(ledger.entries()).balance()).isEqualTo(ledger.balance());
  }

  private static boolean validAmounts(Attempt a) {
    boolean amountOk = a.sats() > 0 && a.sats() <= MAX;
    boolean feeOk = a.kind() == 0 || a.kind() == 3 || (a.feeSats() >= 0 && a.feeSats() <= MAX);
    return amountOk && feeOk;
  }

  private static LedgerEntry entry(Attempt a, Instant at) {
    Btc amount = Btc.ofSats(a.sats());
    Btc fee = Btc.ofSats(a.feeSats());
    return switch (a.kind()) {
      case 0 -> new Receipt(a.id(), at, amount, "pool");
      case 1 -> new Sale(a.id(), at, amount, BigDecimal.ONE, fee);
      case 2 -> new Transfer(a.id(), at, amount, "cold storage", fee);
      default -> new Fee(a.id(), at, amount, "");
    };
  }

  @Provide
  Arbitrary<List<Attempt>> attempts() {
    Arbitrary<Integer> kind = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)),
        Tuple.of(2, Arbitraries.just(2)), Tuple.of(1, Arbitraries.just(3)));
    Arbitrary<String> id = Arbitraries.integers().between(0, 40).map(i -> "e-" + i);
    Arbitrary<Long> step = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(0, 86_400)), Tuple.of(1, Arbitraries.just(0L)));
    Arbitrary<Long> backdate = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs().between(1, 2 * 86_400)));
    Arbitrary<Long> fee = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(0, 100_000)),
        Tuple.of(1, Arbitraries.of(-1L, MAX, MAX + 1)));
    return Combinators.combine(kind, id, step, backdate, sats(), fee).as(Attempt::new).list().ofMaxSize(80);
  }

  /** Small and everyday amounts, whole-treasury amounts near all 21 million BTC, and invalid ones. */
  static Arbitrary<Long> sats() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.longs().between(1, 1_000_000_000L)),
        Tuple.of(3, Arbitraries.longs().between(MAX / 4, MAX)),
        Tuple.of(1, Arbitraries.of(1L, MAX - 1, MAX, MAX + 1, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)));
  }

  @Property(tries = 200)
  void ledgerFilledToTheLastSatoshiThatCanExist_refusesOneMore(@ForAll("wholeSupplySplits") List<Long> parts) {
    Ledger ledger = new Ledger();
    for (int i = 0; i < parts.size(); i++) ledger.append(new Receipt("r-" + i, START.plusSeconds(i), Btc.ofSats(parts.get(i)), "pool"));
    assertThat(ledger.balance()).isEqualTo(LedgerEntry.MAX_SUPPLY);
    assertThatThrownBy(() -> ledger.append(new Receipt("one-more", START.plusSeconds(parts.size()), Btc.ofSats(1), "pool")))
        .isInstanceOf(LedgerException.class);
    assertThat(ledger.balance()).isEqualTo(LedgerEntry.MAX_SUPPLY);
  }

  @Provide
  Arbitrary<List<Long>> wholeSupplySplits() {
    return Arbitraries.longs().between(1, MAX - 1).list().ofMinSize(0).ofMaxSize(20).map(cuts -> {
      List<Long> sorted = new ArrayList<>(new TreeSet<>(cuts));
      List<Long> parts = new ArrayList<>();
      long previous = 0;
      for (long cut : sorted) {
        parts.add(cut - previous);
        previous = cut;
      }
      parts.add(MAX - previous);
      return parts;
    });
  }
}
