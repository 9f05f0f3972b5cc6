package io.hashfleet.cli.command.energy;

import io.hashfleet.cli.command.DurationConverter;
import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.dispatch.CurtailmentPlan;
import io.hashfleet.energy.dispatch.DemandResponseEvent;
import io.hashfleet.energy.dispatch.DispatchInputs;
import io.hashfleet.energy.dispatch.DispatchPlanner;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.execution.ControlledFleet;
import io.hashfleet.energy.power.PowerModel;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.MinerQuery;
import io.hashfleet.store.MinerStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One dispatch decision over the registered fleet, printed and not carried out (a dry run): which
 * machines would sleep or wake at a given power price and hashprice, under site limits, ramp
 * limits and demand-response events.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Dry run: which machines would sleep, wake or take a power target at this power price, under site limits and demand-response events.")
public final class EnergyPlanCommand implements Callable<Integer> {
  @Option(names = "--price", required = true, paramLabel = "USD_PER_MWH", description = "Power price now, $/MWh (may be negative).") BigDecimal price;
  @Option(names = "--hashprice", required = true, paramLabel = "USD_PER_PH_DAY") BigDecimal hashprice;
  @Option(names = "--credit", defaultValue = "0", paramLabel = "USD_PER_MWH", description = "Credit per MWh for being off (default: ${DEFAULT-VALUE}).") BigDecimal credit;
  @Option(names = "--site-limit", paramLabel = "SITE=MW", description = "A site's contracted capacity or feeder limit (repeatable).") Map<String, BigDecimal> siteLimits = new LinkedHashMap<>();
  @Option(names = "--ramp-mw", defaultValue = "5", description = "Most load a site may add per decision, MW (default: ${DEFAULT-VALUE}).") BigDecimal rampMw;
  @Option(names = "--shed", paramLabel = "SITE=MW", description = "A demand-response call: shed MW at SITE within 10 minutes for 30 (repeatable).") Map<String, BigDecimal> shed = new LinkedHashMap<>();
  @Option(names = "--min-on", defaultValue = "15m", converter = DurationConverter.class) Duration minOn;
  @Option(names = "--min-off", defaultValue = "15m", converter = DurationConverter.class) Duration minOff;
  @Option(names = "--json") boolean json;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      var statuses = store.latest(MinerQuery.all());
      if (statuses.isEmpty()) throw new IllegalArgumentException("no registered miners in " + storeOptions.store() + ": scan --register or import first");
      // As the controller sees it: machines it put to sleep can be woken, turned-down ones count at nominal.
      ControlledFleet view = new ControlledFleet(new AuditTrail(store), storeOptions.catalog(), java.util.Set.of(), now, statuses.size());
      for (MinerStatus st : statuses) {
        boolean hashing = PowerModel.running(st.latest());
        view.add(st.miner(), hashing, hashing && st.latest().power() != null ? (int) st.latest().power().watts() : null);
      }
      FleetState fleet = view.build();
      int sites = fleet.siteNames().size();
      long[] limits = new long[sites];
      long[] ramp = new long[sites];
      java.util.Arrays.fill(limits, Long.MAX_VALUE);
      java.util.Arrays.fill(ramp, watts(rampMw));
      siteLimits.forEach((s, mw) -> limits[fleet.siteIndex(s)] = watts(mw));
      long[] load = fleet.loadBySite();
      List<DemandResponseEvent> events = new ArrayList<>();
      shed.forEach((s, mw) -> events.add(new DemandResponseEvent("cli-" + s, s, watts(mw), now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(30),
          load[fleet.siteIndex(s)])));
      long started = System.nanoTime();
      CurtailmentPlan plan = DispatchPlanner.plan(fleet, new DispatchInputs(now, price, hashprice, credit, limits, ramp, minOn, minOff, events, true));
      long micros = (System.nanoTime() - started) / 1000;
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", now.toString());
        m.put("dry_run", true);
        m.put("machines", fleet.size());
        m.put("decision_ms", micros / 1000.0);
        m.put("sleep", plan.sleep().length);
        m.put("wake", plan.wake().length);
        m.put("sleep_mw", plan.sleepWatts(fleet) / 1e6);
        m.put("wake_mw", plan.wakeWatts(fleet) / 1e6);
        m.put("power_targets", plan.target().length);
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
        System.out.println(Json.pretty(m));
        return 0;
      }
      System.out.printf("Dry run at %s: %d machines, decided in %.1f ms%n", now, fleet.size(), micros / 1000.0);
      for (String r : plan.reasons()) System.out.println("  " + r);
      System.out.printf("  would sleep %d machines (%.3f MW), wake %d (%.3f MW)%n", plan.sleep().length, plan.sleepWatts(fleet) / 1e6, plan.wake().length,
          plan.wakeWatts(fleet) / 1e6);
      if (plan.target().length > 0) {
        System.out.printf("  would set %d power targets: %d turned down, %.3f MW less (Braiins OS machines)%n", plan.target().length,
            plan.turnedDown(fleet), plan.targetShedWatts(fleet) / 1e6);
      }
      return 0;
    }
  }

  private static long watts(BigDecimal mw) {
    return mw.movePointRight(6).longValue();
  }
}
