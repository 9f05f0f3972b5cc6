package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost-basis lots, first in first out. Each receipt opens a lot at its fair value on the UTC day
 * it arrived (price × amount), which is how listed miners book mined bitcoin; everything leaving
 * (sales, their network fees, transfers, fees) consumes the oldest lots first.
 *
 * <p>All arithmetic is exact: the basis consumed plus the basis still open always equals the
 * basis received, to the last digit.
 */
public final class FifoBook {
  /** Fair values are kept at least this fine, so splitting a lot by satoshis rounds far below a cent. */
  private static final int MIN_BASIS_SCALE = 10;

  private final ArrayDeque<Lot> lots = new ArrayDeque<>();
  private final List<Disposal> disposals = new ArrayList<>();
  private long heldSats;
  private BigDecimal receivedBasis = BigDecimal.ZERO;

  /** Books {@code entries} in order, valuing receipts with {@code prices}. */
  public static FifoBook replay(List<? extends LedgerEntry> entries, PriceSeries prices) {
    FifoBook book = new FifoBook();
    for (LedgerEntry entry : entries) {
      if (entry instanceof Receipt receipt) {
        LocalDate day = LocalDate.ofInstant(receipt.at(), ZoneOffset.UTC);
        BigDecimal usdPerBtc;
        try {
          usdPerBtc = prices.priceOn(day);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(receipt.describe() + " on " + day + " has no fair value: " + e.getMessage(), e);
        }
        book.receive(receipt, usdPerBtc);
      } else {
        book.dispose(entry);
      }
    }
    return book;
  }

  /** Opens a lot for {@code receipt} valued at {@code usdPerBtc}. */
  public void receive(Receipt receipt, BigDecimal usdPerBtc) {
    BigDecimal basis = usdPerBtc.multiply(receipt.amount().toBtc());
    if (basis.scale() < MIN_BASIS_SCALE) basis = basis.setScale(MIN_BASIS_SCALE);
    lots.addLast(new Lot(receipt.id(), receipt.at(), receipt.amount(), basis));
    heldSats = Math.addExact(heldSats, receipt.amount().sats());
    receivedBasis = receivedBasis.add(basis);
  }

  /**
   * Takes everything {@code outflow} removes (amount and fee) from the oldest lots.
   *
   * @throws IllegalArgumentException if it is a receipt or needs more than the lots hold; the
   *     book is then unchanged
   */
  public Disposal dispose(LedgerEntry outflow) {
    long need = -outflow.change().sats();
    if (need <= 0) throw new IllegalArgumentException(outflow.describe() + " brings bitcoin in; it opens a lot, not consumes one");
    if (need > heldSats) {
      throw new IllegalArgumentException(outflow.describe() + " needs " + Btc.ofSats(need) + " BTC but the lots hold " + held() + " BTC");
    }
    BigDecimal basis = BigDecimal.ZERO;
    for (long left = need; left > 0; ) {
      Lot oldest = lots.pollFirst();
      long take = Math.min(left, oldest.amount().sats());
      BigDecimal taken = oldest.basisOf(take);
      basis = basis.add(taken);
      if (take < oldest.amount().sats()) lots.addFirst(oldest.less(take, taken));
      left -= take;
    }
    heldSats -= need;
    BigDecimal proceeds = outflow instanceof Sale sale ? sale.usdProceeds() : BigDecimal.ZERO;
    Disposal disposal = new Disposal(outflow.id(), outflow.at(), Btc.ofSats(need), basis, proceeds);
    disposals.add(disposal);
    return disposal;
  }

  public Btc held() {
    return Btc.ofSats(heldSats);
  }

  /** Oldest first. */
  public List<Lot> openLots() {
    return List.copyOf(lots);
  }

  public List<Disposal> disposals() {
    return List.copyOf(disposals);
  }

  /** The basis of every lot ever opened, exact. */
  public BigDecimal receivedBasis() {
    return receivedBasis;
  }

  /** The basis of what is still held, exact. */
  public BigDecimal openBasis() {
    return lots.stream().map(Lot::basis).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The basis of everything that has left, exact. */
  public BigDecimal disposedBasis() {
    return disposals.stream().map(Disposal::basis).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
