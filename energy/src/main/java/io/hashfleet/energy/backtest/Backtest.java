package io.hashfleet.energy.backtest;

import io.hashfleet.energy.dispatch.PartialPower;
import io.hashfleet.energy.power.FleetGroup;
import io.hashfleet.energy.power.FleetMix;
import io.hashfleet.energy.price.PriceInterval;
import io.hashfleet.money.cost.Breakeven;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Economic curtailment replayed over a price history: in each interval, each model runs when its
 * revenue per MWh, hashprice ÷ (0.024 × J/TH), beats the power price plus the credit for being
 * off, subject to minimum on and off times. Least efficient models fall below the bar first, which
 * is the policy's "least efficient machines go first" at model granularity. During 4CP risk
 * windows the whole fleet is off.
 *
 * <p>A group whose firmware takes power targets follows the dispatcher's partial-power rule: when
 * it loses at nominal but pays at the minimum power share ({@link PartialPower}), it runs there
 * instead of stopping: {@link PartialPower#MIN_SHARE} of the energy, {@link PartialPower#hashShare}
 * of the revenue. The energy not drawn counts as curtailed (and earns the credit), and the hours
 * turned down are reported apart from the hours off.
 */
public final class Backtest {
  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
  private static final BigDecimal MIN_SHARE = BigDecimal.valueOf(PartialPower.MIN_SHARE);
  private static final BigDecimal MIN_HASH_SHARE = new BigDecimal(PartialPower.hashShare(PartialPower.MIN_SHARE), MC);

  private Backtest() {}

  public static BacktestResult run(FleetMix fleet, List<PriceInterval> prices, HashpriceSource hashprice, BacktestSettings s) {
    List<PriceInterval> inside = prices.stream()
        .filter(p -> !p.start().isBefore(s.from()) && !p.start().plus(p.length()).isAfter(s.to()))
        .sorted((a, b) -> a.start().compareTo(b.start())).toList();
    if (inside.isEmpty()) throw new IllegalArgumentException("no price intervals between " + s.from() + " and " + s.to());
    List<ModelResult> models = new ArrayList<>();
    boolean[][] offByGroup = new boolean[fleet.groups().size()][];
    BigDecimal avgHashprice = averageHashprice(hashprice, inside);
    for (int g = 0; g < fleet.groups().size(); g++) {
      offByGroup[g] = new boolean[inside.size()];
      models.add(runGroup(fleet.groups().get(g), inside, hashprice, s, offByGroup[g], avgHashprice));
    }
    double covered = inside.stream().mapToDouble(p -> p.length().toSeconds() / 3600.0).sum();
    double hoursWithout = Duration.between(s.from(), s.to()).toSeconds() / 3600.0 - covered;
    BigDecimal anyOffHours = BigDecimal.ZERO;
    for (int i = 0; i < inside.size(); i++) {
      boolean anyOff = false;
      for (boolean[] off : offByGroup) anyOff |= off[i];
      if (anyOff) anyOffHours = anyOffHours.add(hours(inside.get(i)));
    }
    List<String> notes = new ArrayList<>();
    if (hoursWithout > 0.001) notes.add(String.format("%.2f hours of the period have no price and are left out", hoursWithout));
    long negative = inside.stream().filter(p -> p.usdPerMwh().signum() < 0).count();
    if (negative > 0) notes.add(negative + " intervals had negative prices (running was paid to consume)");
    return new BacktestResult(s, hashprice.describe(), models, sum(models, anyOffHours, fleet), inside.size(), Math.max(0, hoursWithout), notes);
  }

  private static ModelResult runGroup(FleetGroup group, List<PriceInterval> prices, HashpriceSource hashprice, BacktestSettings s, boolean[] offOut,
      BigDecimal avgHashprice) {
    BigDecimal mw = group.megawatts();
    BigDecimal ph = group.petahashes();
    double jPerTh = group.model().joulesPerTh();
    BigDecimal revenue = BigDecimal.ZERO, cost = BigDecimal.ZERO, curtailedMwh = BigDecimal.ZERO, curtailedHours = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO, baseRevenue = BigDecimal.ZERO, baseCost = BigDecimal.ZERO, turnedDownHours = BigDecimal.ZERO;
    boolean partial = group.partialPower();
    boolean on = true;
    Instant changedAt = s.from().minus(s.minOn().plus(s.minOff())); // free to switch at the start
    LocalDate day = null;
    BigDecimal hp = null;
    BigDecimal bar = null;
    BigDecimal barAtMin = null;
    for (int i = 0; i < prices.size(); i++) {
      PriceInterval p = prices.get(i);
      LocalDate d = LocalDate.ofInstant(p.start(), ZoneOffset.UTC);
      if (!d.equals(day)) {
        day = d;
        hp = hashprice.usdPerPhDay(d);
        bar = Breakeven.usdPerMwh(hp, jPerTh);
        barAtMin = Breakeven.usdPerMwh(hp, jPerTh * PartialPower.jthFactor(PartialPower.MIN_SHARE));
      }
      boolean peakRisk = s.fourCp().overlaps(p.start(), p.length());
      BigDecimal offBar = p.usdPerMwh().add(s.creditUsdPerMwh());
      boolean fullWins = bar.compareTo(offBar) > 0;
      boolean wantOn = !peakRisk && (fullWins || partial && barAtMin.compareTo(offBar) > 0);
      Duration held = Duration.between(changedAt, p.start());
      // A 4CP window is a hard stop: a year of transmission charges outweighs any minimum on time.
      if (wantOn != on && (peakRisk || held.compareTo(on ? s.minOn() : s.minOff()) >= 0)) {
        on = wantOn;
        changedAt = p.start();
      }
      BigDecimal h = hours(p);
      BigDecimal mwh = mw.multiply(h);
      BigDecimal earn = ph.multiply(hp).multiply(h).divide(HOURS_PER_DAY, MC);
      BigDecimal pay = mwh.multiply(p.usdPerMwh());
      baseRevenue = baseRevenue.add(earn);
      baseCost = baseCost.add(pay);
      if (on && (fullWins || !partial)) {
        revenue = revenue.add(earn);
        cost = cost.add(pay);
      } else if (on) { // turned down: paying only there, or held on by its minimum on time and losing less there
        revenue = revenue.add(earn.multiply(MIN_HASH_SHARE, MC));
        cost = cost.add(pay.multiply(MIN_SHARE));
        BigDecimal notDrawn = mwh.subtract(mwh.multiply(MIN_SHARE));
        curtailedMwh = curtailedMwh.add(notDrawn);
        credits = credits.add(notDrawn.multiply(s.creditUsdPerMwh()));
        turnedDownHours = turnedDownHours.add(h);
      } else {
        offOut[i] = true;
        curtailedMwh = curtailedMwh.add(mwh);
        curtailedHours = curtailedHours.add(h);
        credits = credits.add(mwh.multiply(s.creditUsdPerMwh()));
      }
    }
    return new ModelResult(group.model().id(), group.count(), mw, Breakeven.usdPerMwh(avgHashprice, jPerTh), cents(revenue), cents(cost),
        kwh(curtailedMwh), curtailedHours.setScale(2, RoundingMode.HALF_EVEN), cents(credits), cents(revenue.subtract(cost).add(credits)),
        cents(baseRevenue), cents(baseCost), cents(baseRevenue.subtract(baseCost)), partial, turnedDownHours.setScale(2, RoundingMode.HALF_EVEN));
  }

  private static ModelResult sum(List<ModelResult> models, BigDecimal anyOffHours, FleetMix fleet) {
    long machines = 0;
    BigDecimal mw = BigDecimal.ZERO, rev = BigDecimal.ZERO, cost = BigDecimal.ZERO, mwh = BigDecimal.ZERO, cred = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO, bRev = BigDecimal.ZERO, bCost = BigDecimal.ZERO, bNet = BigDecimal.ZERO, down = BigDecimal.ZERO;
    boolean anyPartial = false;
    for (ModelResult m : models) {
      machines += m.machines();
      mw = mw.add(m.megawatts());
      rev = rev.add(m.revenueUsd());
      cost = cost.add(m.powerCostUsd());
      mwh = mwh.add(m.curtailedMwh());
      cred = cred.add(m.creditsUsd());
      net = net.add(m.netMarginUsd());
      bRev = bRev.add(m.baselineRevenueUsd());
      bCost = bCost.add(m.baselinePowerCostUsd());
      bNet = bNet.add(m.baselineNetMarginUsd());
      down = down.max(m.turnedDownHours());
      anyPartial |= m.partialPower();
    }
    // Turned-down hours of the fleet: at least the longest of any group's (intervals are not kept per group).
    return new ModelResult("total", machines, mw, null, rev, cost, mwh, anyOffHours.setScale(2, RoundingMode.HALF_EVEN), cred, net, bRev, bCost, bNet,
        anyPartial, down);
  }

  private static BigDecimal averageHashprice(HashpriceSource hashprice, List<PriceInterval> prices) {
    LocalDate first = LocalDate.ofInstant(prices.getFirst().start(), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(prices.getLast().start(), ZoneOffset.UTC);
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), n++) sum = sum.add(hashprice.usdPerPhDay(d));
    return sum.divide(BigDecimal.valueOf(n), MC);
  }

  private static BigDecimal hours(PriceInterval p) {
    return BigDecimal.valueOf(p.length().toSeconds()).divide(BigDecimal.valueOf(3600), MC);
  }

  private static BigDecimal cents(BigDecimal usd) {
    return usd.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal kwh(BigDecimal mwh) {
    return mwh.setScale(3, RoundingMode.HALF_EVEN);
  }
}
