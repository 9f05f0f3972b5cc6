package io.hashfleet.cli.runtime;

import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.DispatchInputs;
import io.hashfleet.energy.dispatch.DispatchPlanner;
import io.hashfleet.energy.dispatch.FleetState;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dispatch decision, planned and not carried out: what {@code energy plan} prints, whether it
 * plans from the store or asks a running controller (which holds the store) over the live endpoint.
 */
public final class DryRun {
  private DryRun() {}

  /**
   * What the decision is asked under.
   *
   * @param siteLimitsMw contracted capacity or feeder limit per site
   * @param shedMw a demand-response call per site: shed this much within 10 minutes, for 30
   */
  public record Inputs(BigDecimal price, BigDecimal hashprice, BigDecimal credit, Map<String, BigDecimal> siteLimitsMw, BigDecimal rampMw,
      Map<String, BigDecimal> shedMw, Duration minOn, Duration minOff) {

    /** As the query of {@code GET /energy/plan} on the live endpoint. */
    public String query() {
      return "price=" + price.toPlainString() + "&hashprice=" + hashprice.toPlainString() + "&credit=" + credit.toPlainString() + "&ramp_mw="
          + rampMw.toPlainString() + "&min_on_s=" + minOn.toSeconds() + "&min_off_s=" + minOff.toSeconds() + "&site_limits=" + perSite(siteLimitsMw)
          + "&shed=" + perSite(shedMw);
    }

    /** Read back from that query; a missing or malformed value is an IllegalArgumentException naming it. */
    public static Inputs fromQuery(Map<String, String> q) {
      return new Inputs(number(q, "price"), number(q, "hashprice"), number(q, "credit"), perSite(q, "site_limits"), number(q, "ramp_mw"),
          perSite(q, "shed"), Duration.ofSeconds(number(q, "min_on_s").longValueExact()), Duration.ofSeconds(number(q, "min_off_s").longValueExact()));
    }

    private static String perSite(Map<String, BigDecimal> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((site, mw) -> parts.add(site + ":" + mw.toPlainString()));
      return URLEncoder.encode(String.join(",", parts), StandardCharsets.UTF_8);
    }

    private static Map<String, BigDecimal> perSite(Map<String, String> q, String name) {
      Map<String, BigDecimal> out = new LinkedHashMap<>();
      String v = q.getOrDefault(name, "");
      if (v.isBlank()) return out;
      for (String part : v.split(",")) {
        int colon = part.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException(name + ": expected SITE:MW, got '" + part + "'");
        out.put(part.substring(0, colon), new BigDecimal(part.substring(colon + 1)));
      }
      return out;
    }

    private static BigDecimal number(Map<String, String> q, String name) {
      String v = q.get(name);
      if (v == null) throw new IllegalArgumentException(name + " is missing");
      try {
        return new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a number: '" + v + "'");
      }
    }
  }

  /**
   * Plans one decision over {@code fleet} and describes it as {@code energy plan --json} prints it.
   *
   * @param inForce demand-response events already in force (from the trail); the inputs' sheds are added as new calls
   */
  public static Map<String, Object> plan(FleetState fleet, Inputs in, List<DemandResponseEvent> inForce, Instant now, String source) {
    int sites = fleet.siteNames().size();
    long[] limits = new long[sites];
    long[] ramp = new long[sites];
    Arrays.fill(limits, Long.MAX_VALUE);
    Arrays.fill(ramp, watts(in.rampMw()));
    in.siteLimitsMw().forEach((s, mw) -> limits[fleet.siteIndex(s)] = watts(mw));
    long[] load = fleet.loadBySite();
    List<DemandResponseEvent> events = new ArrayList<>(inForce);
    in.shedMw().forEach((s, mw) -> events.add(new DemandResponseEvent("cli-" + s, s, watts(mw), now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(30),
        load[fleet.siteIndex(s)])));
    long started = System.nanoTime();
    CurtailmentPlan plan = DispatchPlanner.plan(fleet, new DispatchInputs(now, in.price(), in.hashprice(), in.credit(), limits, ramp, in.minOn(),
        in.minOff(), events, true));
    long micros = (System.nanoTime() - started) / 1000;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", now.toString());
    m.put("dry_run", true);
    m.put("source", source);
    m.put("machines", fleet.size());
    m.put("decision_ms", micros / 1000.0);
    m.put("sleep", plan.sleep().length);
    m.put("wake", plan.wake().length);
    m.put("sleep_mw", plan.sleepWatts(fleet) / 1e6);
    m.put("wake_mw", plan.wakeWatts(fleet) / 1e6);
    m.put("power_targets", plan.target().length);
    m.put("power_targets_turned_down", plan.turnedDown(fleet));
    m.put("power_target_shed_mw", plan.targetShedWatts(fleet) / 1e6);
    List<Map<String, Object>> perSite = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("site", fleet.siteNames().get(s));
      row.put("load_mw", load[s] / 1e6);
      row.put("planned_mw", plan.plannedWatts()[s] / 1e6);
      row.put("limit_mw", plan.limitWatts()[s] == Long.MAX_VALUE ? null : plan.limitWatts()[s] / 1e6);
      perSite.add(row);
    }
    m.put("sites", perSite);
    m.put("reasons", plan.reasons());
    List<String> sleepIds = new ArrayList<>();
    for (int i : plan.sleep()) sleepIds.add(fleet.id(i));
    List<String> wakeIds = new ArrayList<>();
    for (int i : plan.wake()) wakeIds.add(fleet.id(i));
    m.put("sleep_miners", sleepIds);
    m.put("wake_miners", wakeIds);
    List<Map<String, Object>> targets = new ArrayList<>();
    for (int k = 0; k < plan.target().length; k++) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("miner", fleet.id(plan.target()[k]));
      t.put("target_w", plan.targetWatts()[k]);
      t.put("nominal_w", fleet.watts(plan.target()[k]));
      targets.add(t);
    }
    m.put("power_target_miners", targets);
    return m;
  }

  /** The plan in words, from its JSON form (so a plan from a running controller prints the same). */
  public static String text(Map<String, Object> plan) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("Dry run at %s (%s): %s machines, decided in %.1f ms%n", plan.get("at"), plan.get("source"), plan.get("machines"),
        ((Number) plan.get("decision_ms")).doubleValue()));
    for (Object r : (List<?>) plan.get("reasons")) b.append("  ").append(r).append(System.lineSeparator());
    b.append(String.format("  would sleep %s machines (%.3f MW), wake %s (%.3f MW)%n", plan.get("sleep"), ((Number) plan.get("sleep_mw")).doubleValue(),
        plan.get("wake"), ((Number) plan.get("wake_mw")).doubleValue()));
    if (((Number) plan.get("power_targets")).intValue() > 0) {
      b.append(String.format("  would set %s power targets: %s turned down, %.3f MW less (Braiins OS machines)%n", plan.get("power_targets"),
          plan.get("power_targets_turned_down"), ((Number) plan.get("power_target_shed_mw")).doubleValue()));
    }
    return b.toString();
  }

  private static long watts(BigDecimal mw) {
    return mw.movePointRight(6).longValue();
  }
}
