package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays production day by day under a {@link SellPolicy} and past prices: what would have been
 * sold, for how much, and what would be left. The treasury starts empty on {@code from}.
 *
 * <p>Sales are in whole satoshis, rounded down, so a policy never sells more than is held and the
 * bitcoin sold plus the bitcoin held is exactly the bitcoin produced.
 */
public final class SellPolicySimulator {
  private SellPolicySimulator() {}

  /**
   * @param production bitcoin mined per day; days outside {@code from..to} are left out and several
   *     entries for one day are added up
   * @param prices must have a close on or before {@code from}; each day uses its own close or the
   *     latest before it
   */
  public static SimulationResult run(SellPolicy policy, List<DailyProduction> production, PriceSeries prices, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) throw new IllegalArgumentException("simulation ends " + to + " before it starts " + from);
    Map<LocalDate, Btc> mined = new TreeMap<>();
    for (DailyProduction day : production) {
      if (!day.date().isBefore(from) && !day.date().isAfter(to)) mined.merge(day.date(), day.amount(), Btc::plus);
    }
    List<SimulationDay> days = new ArrayList<>();
    long produced = 0;
    long held = 0;
    long sold = 0;
    BigDecimal proceeds = BigDecimal.ZERO;
    BigDecimal usdPerBtc = null;
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      usdPerBtc = prices.priceOn(date);
      long minedToday = mined.getOrDefault(date, Btc.ZERO).sats();
      produced = Math.addExact(produced, minedToday);
      held = Math.addExact(held, minedToday);
      long sell = toSell(policy, minedToday, held, usdPerBtc);
      held -= sell;
      sold += sell;
      proceeds = proceeds.add(usdPerBtc.multiply(Btc.ofSats(sell).toBtc()));
      days.add(new SimulationDay(date, usdPerBtc, Btc.ofSats(minedToday), Btc.ofSats(sell), Btc.ofSats(held), Valuation.cents(proceeds)));
    }
    BigDecimal market = usdPerBtc.multiply(Btc.ofSats(held).toBtc());
    return new SimulationResult(policy, from, to, Btc.ofSats(produced), Btc.ofSats(held), Btc.ofSats(sold),
        Valuation.cents(proceeds), Valuation.cents(market), Valuation.cents(proceeds.add(market)), days);
  }

  private static long toSell(SellPolicy policy, long minedToday, long held, BigDecimal usdPerBtc) {
    return switch (policy) {
      case SellPolicy.Hold hold -> 0;
      case SellPolicy.SellShareOfProduction share ->
          share.fraction().multiply(BigDecimal.valueOf(minedToday)).setScale(0, RoundingMode.FLOOR).longValueExact();
      case SellPolicy.SellAbovePrice target -> usdPerBtc.compareTo(target.usd()) >= 0 ? held : 0;
    };
  }
}
