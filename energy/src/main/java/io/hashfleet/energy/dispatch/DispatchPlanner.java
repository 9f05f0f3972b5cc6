package io.hashfleet.energy.dispatch;

import io.hashfleet.money.cost.Breakeven;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, for one price interval, which machines run.
 *
 * <p>In order of precedence: (1) a site never draws more than its limit, nor more than an active
 * demand-response event allows, so the least efficient machines there go to sleep first, whatever
 * their minimum on time; (2) economics: a machine runs when its revenue per MWh, hashprice ÷
 * (0.024 × J/TH), beats the power price plus the credit for being off; (3) minimum on and off
 * times hold a machine in its state for economic changes; (4) wake-ups are staggered: each site
 * adds at most its ramp limit per decision, most efficient machines first.
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
    for (int i = 0; i < n; i++) {
      if (!fleet.available(i)) {
        run[i] = fleet.running(i); // cannot be commanded; counted as it is
        continue;
      }
      boolean want = fleet.joulesPerTh(i) < breakevenJth;
      boolean on = fleet.running(i);
      long held = now - fleet.changedAtSecond(i);
      run[i] = want == on || held >= (on ? minOn : minOff) ? want : on;
    }

    // Hard limits: walk least efficient first, switching off until each site fits its cap.
    long[] load = new long[sites];
    for (int i = 0; i < n; i++) if (run[i]) load[fleet.site(i)] += fleet.watts(i);
    int[] order = fleet.order();
    for (int k = 0; k < n; k++) {
      int i = order[k];
      int s = fleet.site(i);
      if (run[i] && load[s] > cap[s] && fleet.available(i)) {
        run[i] = false;
        load[s] -= fleet.watts(i);
      }
    }

    // Ramp: of the machines to wake, most efficient first, each site takes only its ramp budget.
    long[] budget = in.rampWatts().clone();
    int[] sleep = new int[n];
    int[] wake = new int[n];
    int ns = 0;
    int nw = 0;
    for (int k = n - 1; k >= 0; k--) {
      int i = order[k];
      if (run[i] && !fleet.running(i)) {
        int s = fleet.site(i);
        if (budget[s] >= fleet.watts(i)) {
          budget[s] -= fleet.watts(i);
          wake[nw++] = i;
        } else {
          run[i] = false;
          load[s] -= fleet.watts(i);
        }
      }
    }
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (!run[i] && fleet.running(i)) sleep[ns++] = i;
    }
    long[] before = fleet.loadBySite();
    for (int s = 0; s < sites; s++) {
      reasons.add(String.format("%s: %.3f -> %.3f MW (%s); price $%s/MWh%s, breakeven %.1f J/TH", fleet.siteNames().get(s), before[s] / 1e6,
          load[s] / 1e6, cap[s] == Long.MAX_VALUE ? "no limit" : String.format("limit %.3f MW", cap[s] / 1e6), in.priceUsdPerMwh().toPlainString(),
          in.creditUsdPerMwh().signum() == 0 ? "" : " + credit $" + in.creditUsdPerMwh().toPlainString(), breakevenJth));
    }
    return new CurtailmentPlan(in.now(), Arrays.copyOf(sleep, ns), Arrays.copyOf(wake, nw), load, cap, reasons, in.dryRun());
  }

  /** Revenue per MWh of a machine: the figure its J/TH is compared on. */
  public static BigDecimal revenuePerMwh(BigDecimal hashpriceUsdPerPhDay, double joulesPerTh) {
    return Breakeven.usdPerMwh(hashpriceUsdPerPhDay, joulesPerTh);
  }
}
