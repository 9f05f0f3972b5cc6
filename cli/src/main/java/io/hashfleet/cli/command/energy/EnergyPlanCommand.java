package io.hashfleet.cli.command.energy;

import io.hashfleet.cli.command.DurationConverter;
import io.hashfleet.cli.command.LiveOptions;
import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.runtime.DryRun;
import io.hashfleet.cli.runtime.LiveClient;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.energy.execution.ControlledFleet;
import io.hashfleet.energy.power.PowerModel;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.MinerQuery;
import io.hashfleet.store.MinerStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One dispatch decision over the registered fleet, printed and not carried out (a dry run): which
 * machines would sleep, wake or take a power target at a given power price and hashprice, under
 * site limits, ramp limits, the demand-response events in force and any given here. While
 * {@code up --energy} runs on the same store it holds the file, so the running controller is asked.
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
  @Mixin LiveOptions live;

  @Override
  public Integer call() throws Exception {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    DryRun.Inputs in = new DryRun.Inputs(price, hashprice, credit, siteLimits, rampMw, shed, minOn, minOff);
    Map<String, Object> plan = fromLive(in).orElseGet(() -> fromStore(in, now));
    System.out.print(json ? Json.pretty(plan) + System.lineSeparator() : DryRun.text(plan));
    return 0;
  }

  /**
   * A running `up --energy` on this store holds the file: ask its controller, which plans from the
   * same view it acts on.
   */
  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> fromLive(DryRun.Inputs in) throws java.io.IOException {
    if (LiveClient.get(live.port(), "/status").filter(body -> LiveClient.sameStore(body, storeOptions.store())).isEmpty()) return Optional.empty();
    Optional<LiveClient.Answer> answer = LiveClient.answer(live.port(), "/energy/plan?" + in.query());
    if (answer.isEmpty() || answer.get().status() == 404) return Optional.empty(); // no controller there: the store it is
    Map<String, Object> body = Json.MAPPER.readValue(answer.get().body(), Map.class);
    if (answer.get().status() != 200) throw new IllegalArgumentException("the running controller refused the dry run: " + body.get("error"));
    return Optional.of(body);
  }

  private Map<String, Object> fromStore(DryRun.Inputs in, Instant now) {
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      var statuses = store.latest(MinerQuery.all());
      if (statuses.isEmpty()) throw new IllegalArgumentException("no registered miners in " + storeOptions.store() + ": scan --register or import first");
      // As the controller sees it: machines it put to sleep can be woken, turned-down ones count at nominal.
      AuditTrail trail = new AuditTrail(store);
      ControlledFleet view = new ControlledFleet(trail, storeOptions.catalog(), java.util.Set.of(), now, statuses.size());
      for (MinerStatus st : statuses) {
        boolean hashing = PowerModel.running(st.latest());
        view.add(st.miner(), hashing, hashing && st.latest().power() != null ? (int) st.latest().power().watts() : null);
      }
      FleetState fleet = view.build();
      return DryRun.plan(fleet, in, ControlledFleet.eventsInForce(trail, fleet, now), now, "store");
    }
  }
}
