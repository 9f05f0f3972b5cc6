package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** FIFO lots never create or lose a fraction of a dollar, however receipts and outflows interleave. */
class FifoPropertiesTest {
  static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");
  static final int DAYS = 40;

  /** {@code perMille} sizes an outflow as a share of holdings, so generated ledgers are always valid. */
  record Step(int kind, int dayStep, long receivedSats, int perMille, int feePerMille) {}

  @Property(tries = 1000)
  void basisConsumedPlusBasisRemainingIsExactlyTheBasisReceived(
      @ForAll("steps") List<Step> steps, @ForAll("prices") PriceSeries prices) {
    Ledger ledger = ledger(steps);
    FifoBook book = FifoBook.replay(ledger.entries(), prices);

    BigDecimal fairValues = BigDecimal.ZERO;
    long outSats = 0;
    for (LedgerEntry entry : ledger.entries()) {
      if (entry instanceof Receipt r) {
        fairValues = fairValues.add(prices.priceOn(LocalDate.ofInstant(r.at(), ZoneOffset.UTC)).multiply(r.amount().toBtc()));
      } else {
        outSats -= entry.change().sats();
      }
    }
    assertThat(book.receivedBasis()).isEqualByComparingTo(fairValues);
    assertThat(book.disposedBasis().add(book.openBasis())).isEqualByComparingTo(book.receivedBasis());
    assertThat(book.held()).isEqualTo(ledger.balance());
    assertThat(book.openLots().stream().mapToLong(l -> l.amount().sats()).sum()).isEqualTo(ledger.balance().sats());
    assertThat(book.disposals().stream().mapToLong(d -> d.amount().sats()).sum()).isEqualTo(outSats);
    assertThat(book.disposals()).allSatisfy(d -> assertThat(d.basis()).isNotNegative());
  }

  @Property(tries = 1000)
  void lotSplitAnyWayGivesBackItsWholeBasis(
      @ForAll @LongRange(min = 1, max = 2_100_000_000_000_000L) long sats,
      @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long basisCents,
      @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 1000) Integer> cutsPerMille) {
    Lot lot = new Lot("r-1", Instant.EPOCH, Btc.ofSats(sats), BigDecimal.valueOf(basisCents, 2));
    BigDecimal taken = BigDecimal.ZERO;
    for (int perMille : cutsPerMille) {
      if (lot == null) break;
      long take = Math.max(1, lot.amount().sats() * perMille / 1000);
      BigDecimal part = lot.basisOf(take);
      taken = taken.add(part);
      lot = take == lot.amount().sats() ? null : lot.less(take, part);
    }
    BigDecimal left = lot == null ? BigDecimal.ZERO : lot.basis();
    assertThat(taken.add(left)).isEqualByComparingTo(BigDecimal.valueOf(basisCents, 2));
    if (lot != null) assertThat(left).isNotNegative();
  }

  static Ledger ledger(List<Step> steps) {
    Ledger ledger = new Ledger();
    Instant at = FIRST_DAY.atTime(6, 0).toInstant(ZoneOffset.UTC);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      at = at.plusSeconds(step.dayStep() * 86_400L / 3);
      long held = ledger.balance().sats();
      long out = held * step.perMille() / 1000;
      long fee = out * step.feePerMille() / 1000;
      String id = "e-" + i;
      if (step.kind() == 0 || out == 0) {
        ledger.append(new Receipt(id, at, Btc.ofSats(step.receivedSats()), "pool"));
      } else if (out - fee == 0) {
        ledger.append(new Fee(id, at, Btc.ofSats(out), "dust"));
      } else {
        ledger.append(switch (step.kind()) {
          case 1 -> new Sale(id, at, Btc.ofSats(out - fee), new BigDecimal("1234.56"), Btc.ofSats(fee));
          case 2 -> new Transfer(id, at, Btc.ofSats(out - fee), "lender", Btc.ofSats(fee));
          default -> new Fee(id, at, Btc.ofSats(out), "custody");
        });
      }
    }
    return ledger;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Long> received = Arbitraries.oneOf(
        Arbitraries.longs().between(1, 100_000_000L), Arbitraries.longs().between(1, 100_000_000_000_000L));
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3),
            received,
            Arbitraries.integers().between(1, 1000),
            Arbitraries.integers().between(0, 50))
        .as(Step::new).list().ofMaxSize(40);
  }

  /** A close for every day, at assorted decimal places, so fair values take many scales. */
  @Provide
  Arbitrary<PriceSeries> prices() {
    Arbitrary<BigDecimal> close = Combinators.combine(
            Arbitraries.longs().between(1, 20_000_000_000L), Arbitraries.integers().between(0, 6))
        .as(BigDecimal::valueOf);
    return close.list().ofSize(DAYS).map(closes -> {
      List<DailyPrice> prices = new ArrayList<>();
      for (int d = 0; d < DAYS; d++) prices.add(new DailyPrice(FIRST_DAY.plusDays(d), closes.get(d)));
      return PriceSeries.of(prices);
    });
  }
}
