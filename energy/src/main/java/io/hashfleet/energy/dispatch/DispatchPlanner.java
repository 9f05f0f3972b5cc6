package io.hashfleet.energy.dispatch;

import io.hashfleet.money.cost.Breakeven;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, for one price interval, which machines run and at what power.
 *
 * <p>In order of precedence: (1) a site never draws more than its limit, nor more than an active
 * demand-response event allows, so the least efficient machines there go to sleep first, whatever
 * their minimum on time; (2) economics: a machine runs when its revenue per MWh, hashprice ÷
 * (0.024 × J/TH), beats the power price plus the credit for being off; (3) minimum on and off
 * times hold a machine in its state for economic changes; (4) wake-ups and raises in power are
 * staggered: each site adds at most its ramp limit per decision, most efficient machines first.
 *
 * <p>Partial power, for machines whose firmware takes a power target (see {@link PartialPower}):
 *
 * <ul>
 *   <li>Economics. A machine that loses at nominal power but wins at its minimum target (J/TH
 *       improves as power falls) runs at that minimum instead of sleeping. Under the power curve
 *       the point where marginal revenue meets the price lies below the minimum for any machine
 *       that loses at nominal, so the minimum is the optimum, not a simplification. Machines that
 *       win at nominal stay at nominal: turning them down too would gain little under an assumed
 *       curve and send commands to much of the fleet every interval. One held on by its minimum
 *       on time runs at its minimum too: it loses less there. A machine at a target whose nominal
 *       wins again goes back to nominal.
 *   <li>Caps. The walk that sleeps least efficient machines first stops at the machine whose sleep
 *       would overshoot the cap, and trims instead: (a) if the machine takes targets and its range
 *       covers the excess, it is turned down by exactly the excess; (b) otherwise, if the excess
 *       left after turning it down to its minimum (all of it, for a machine without targets) fits
 *       the range of a later, more efficient machine at the site that takes targets, the first
 *       such machine absorbs it, provided that costs less hashrate than the sleep; (c) else the
 *       machine sleeps and the walk goes on. The site then lands exactly on its cap instead of a
 *       part of a machine under it. Rule (b) never loses more hashrate than the sleep it replaces:
 *       the machine turned down to its minimum keeps at least minimum ÷ its J/TH, and the later
 *       machine loses at most (excess left) ÷ its own, lower J/TH, with the excess left no more
 *       than that minimum.
 *   <li>A change of target is not an on/off change (minimum times do not hold it); a raise counts
 *       against the ramp budget like a wake.
 * </ul>
 */
public final class DispatchPlanner {
  private DispatchPlanner() {}

  public static CurtailmentPlan plan(FleetState fleet, DispatchInputs in) {
    int sites = fleet.siteNames().size();
    long[] cap = in.siteLimitWatts().clone();
    List<String> reasons = new ArrayList<>();
    for (DemandResponseEvent e : in.events()) {
      if (!e.activeAt(in.now())) continue;
      int s = fleet.siteIndex(e.site());
      if (e.capWatts() < cap[s]) cap[s] = e.capWatts();
      reasons.add(String.format("%s: demand response %s: shed %.3f MW by %s, cap %.3f MW until %s", e.site(), e.id(), e.shedWatts() / 1e6,
          e.by().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), e.capWatts() / 1e6, e.ends().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }
    BigDecimal bar = in.priceUsdPerMwh().add(in.creditUsdPerMwh());
    long now = in.now().getEpochSecond();
    long minOn = in.minOn().toSeconds();
    long minOff = in.minOff().toSeconds();

    // The economic wish per machine, then held by minimum on/off times. Breakeven J/TH: a machine
    // pays when its J/TH is below hashprice / (0.024 × bar); one division instead of 350,000.
    double breakevenJth = bar.signum() <= 0 ? Double.POSITIVE_INFINITY
        : in.hashpriceUsdPerPhDay().doubleValue() / (0.024 * bar.doubleValue());
    int n = fleet.size();
    boolean[] run = new boolean[n];
    int[] draw = new int[n]; // the watts each machine will draw if it runs
    for (int i = 0; i < n; i++) {
      boolean on = fleet.running(i);
      if (!fleet.available(i)) {
        run[i] = on; // cannot be commanded; counted as it is
        draw[i] = fleet.runningWatts(i);
        continue;
      }
      float jth = fleet.joulesPerTh(i);
      boolean fullWins = jth < breakevenJth;
      boolean partial = !fullWins && fleet.takesTargets(i);
      boolean want = fullWins || partial && jth * PartialPower.jthFactor((double) fleet.minWatts(i) / fleet.watts(i)) < breakevenJth;
      long held = now - fleet.changedAtSecond(i);
      run[i] = want == on || held >= (on ? minOn : minOff) ? want : on;
      draw[i] = partial ? fleet.minWatts(i) : fleet.watts(i);
    }

    long[] load = new long[sites];
    for (int i = 0; i < n; i++) if (run[i]) load[fleet.site(i)] += draw[i];
    int[] order = fleet.order();
    boolean over = false;
    for (int s = 0; s < sites; s++) over |= load[s] > cap[s];
    if (over) enforceCaps(fleet, order, run, draw, load, cap);

    // Ramp: of the machines to wake or raise, most efficient first, each site takes only its ramp budget.
    long[] budget = in.rampWatts().clone();
    for (int k = n - 1; k >= 0; k--) {
      int i = order[k];
      if (!run[i] || !fleet.available(i)) continue;
      int current = fleet.running(i) ? fleet.runningWatts(i) : 0;
      int rise = draw[i] - current;
      if (rise <= 0) continue;
      int s = fleet.site(i);
      if (budget[s] >= rise) {
        budget[s] -= rise;
      } else if (current > 0) {
        draw[i] = current; // stays at its present target until the next decision
        load[s] -= rise;
      } else {
        run[i] = false;
        load[s] -= draw[i];
      }
    }

    int[] sleep = new int[n];
    int[] wake = new int[n];
    int[] target = new int[n];
    int[] targetWatts = new int[n];
    int ns = 0;
    int nw = 0;
    int nt = 0;
    for (int k = n - 1; k >= 0; k--) if (run[order[k]] && !fleet.running(order[k])) wake[nw++] = order[k];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (!run[i]) {
        if (fleet.running(i)) sleep[ns++] = i;
      } else if (fleet.available(i) && draw[i] != fleet.runningWatts(i)) {
        target[nt] = i; // idempotent: a machine already at the wanted draw gets no order
        targetWatts[nt++] = draw[i];
      }
    }
    long[] before = fleet.loadBySite();
    for (int s = 0; s < sites; s++) {
      reasons.add(String.format("%s: %.3f -> %.3f MW (%s); price $%s/MWh%s, breakeven %.1f J/TH", fleet.siteNames().get(s), before[s] / 1e6,
          load[s] / 1e6, cap[s] == Long.MAX_VALUE ? "no limit" : String.format("limit %.3f MW", cap[s] / 1e6), in.priceUsdPerMwh().toPlainString(),
          in.creditUsdPerMwh().signum() == 0 ? "" : " + credit $" + in.creditUsdPerMwh().toPlainString(), breakevenJth));
    }
    return new CurtailmentPlan(in.now(), Arrays.copyOf(sleep, ns), Arrays.copyOf(wake, nw), Arrays.copyOf(target, nt), Arrays.copyOf(targetWatts, nt),
        load, cap, reasons, in.dryRun());
  }

  /** Hard limits: the walk and trim rules of the class comment; updates run, draw and load. */
  private static void enforceCaps(FleetState fleet, int[] order, boolean[] run, int[] draw, long[] load, long[] cap) {
    int n = order.length;
    // bestAfter[k]: the largest turn-down range among machines after position k at the same site.
    // The walk leaves those machines untouched until their site fits, so one pass up front keeps
    // the search for a trim partner linear overall.
    int[] bestAfter = new int[n];
    int[] best = new int[cap.length];
    for (int k = n - 1; k >= 0; k--) {
      int i = order[k];
      int s = fleet.site(i);
      bestAfter[k] = best[s];
      if (run[i] && fleet.available(i) && fleet.takesTargets(i)) best[s] = Math.max(best[s], draw[i] - fleet.minWatts(i));
    }
    for (int k = 0; k < n; k++) {
      int i = order[k];
      int s = fleet.site(i);
      if (!run[i] || load[s] <= cap[s] || !fleet.available(i)) continue;
      long excess = load[s] - cap[s];
      int range = fleet.takesTargets(i) ? Math.max(0, draw[i] - fleet.minWatts(i)) : 0;
      if (range >= excess) { // (a)
        draw[i] -= (int) excess;
        load[s] = cap[s];
        continue;
      }
      long left = excess - range;
      if (excess < draw[i] && bestAfter[k] >= left) { // (b)
        int j = partner(fleet, order, run, draw, k, s, left);
        // Without a range of its own the machine stays at full power only if the partner loses less
        // hashrate than its sleep would: left ÷ J/TH(j) against draw ÷ J/TH(i).
        if (range > 0 || left * (double) fleet.joulesPerTh(i) < draw[i] * (double) fleet.joulesPerTh(j)) {
          draw[i] -= range;
          draw[j] -= (int) left;
          load[s] = cap[s];
          continue;
        }
      }
      run[i] = false; // (c)
      load[s] -= draw[i];
    }
  }

  /** The first machine after position k at site s that can turn down by {@code watts}. */
  private static int partner(FleetState fleet, int[] order, boolean[] run, int[] draw, int k, int s, long watts) {
    for (int m = k + 1; m < order.length; m++) {
      int j = order[m];
      if (fleet.site(j) == s && run[j] && fleet.available(j) && fleet.takesTargets(j) && draw[j] - fleet.minWatts(j) >= watts) return j;
    }
    throw new IllegalStateException("bestAfter promised a partner at position " + k);
  }

  /** Revenue per MWh of a machine: the figure its J/TH is compared on. */
  public static BigDecimal revenuePerMwh(BigDecimal hashpriceUsdPerPhDay, double joulesPerTh) {
    return Breakeven.usdPerMwh(hashpriceUsdPerPhDay, joulesPerTh);
  }
}
