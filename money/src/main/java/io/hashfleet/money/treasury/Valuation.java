package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The treasury marked to market at the close of a UTC day, with profit and loss on the FIFO cost
 * basis of {@link FifoBook}. Dollar figures are worked out exactly and rounded to cents (half even)
 * only here, once, so rounding never piles up across many lots and sales.
 *
 * @param usdPerBtc the close used: that day's, or the latest before it
 * @param marketValue holdings × price
 * @param costBasis the basis of what is still held
 * @param proceeds dollars received from every sale up to the date
 * @param realisedPnl proceeds less the basis of everything that left, sold or not; a transfer or
 *     fee has no proceeds and so realises its basis as a loss
 * @param unrealisedPnl market value less the basis still held
 * @param openLots the exact lots behind {@code costBasis}, oldest first
 * @param disposals the exact disposals behind {@code realisedPnl}, in ledger order
 */
public record Valuation(
    LocalDate date,
    Btc holdings,
    BigDecimal usdPerBtc,
    BigDecimal marketValue,
    BigDecimal costBasis,
    BigDecimal proceeds,
    BigDecimal realisedPnl,
    BigDecimal unrealisedPnl,
    List<Lot> openLots,
    List<Disposal> disposals) {

  public Valuation {
    openLots = List.copyOf(openLots);
    disposals = List.copyOf(disposals);
  }

  /** Values the ledger's entries up to the end of {@code date} (UTC). */
  public static Valuation of(Ledger ledger, PriceSeries prices, LocalDate date) {
    var endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    FifoBook book = FifoBook.replay(ledger.entriesUntil(endOfDay), prices);
    BigDecimal usdPerBtc = prices.priceOn(date);
    BigDecimal market = usdPerBtc.multiply(book.held().toBtc());
    BigDecimal openBasis = book.openBasis();
    BigDecimal proceeds = book.disposals().stream().map(Disposal::proceeds).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal realised = proceeds.subtract(book.disposedBasis());
    return new Valuation(date, book.held(), usdPerBtc, cents(market), cents(openBasis), cents(proceeds),
        cents(realised), cents(market.subtract(openBasis)), book.openLots(), book.disposals());
  }

  static BigDecimal cents(BigDecimal usd) {
    return usd.setScale(2, RoundingMode.HALF_EVEN);
  }
}
