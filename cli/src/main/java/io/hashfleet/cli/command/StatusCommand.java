package io.hashfleet.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.runtime.LiveClient;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.MinerQuery;
import io.hashfleet.store.MinerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fleet totals: from the running collector when there is one, else from the store. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Fleet hashrate, power, miners by health state, open alerts.")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object.") boolean json;

  @Mixin LiveOptions live;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> status = fromLive().orElseGet(this::fromStore);
    if (json) {
      System.out.println(Json.line(status));
      return 0;
    }
    System.out.printf("fleet (%s): %s registered, %s polled%n", status.get("source"), status.get("registered"), status.get("polled"));
    System.out.printf("hashrate: %s%n", status.get("hashrate"));
    Object power = status.get("power_w");
    System.out.printf("power: %s%n", power == null ? "not reported" : String.format("%.3f MW reported by %s miners", ((Number) power).longValue() / 1e6, status.get("miners_reporting_power")));
    System.out.printf("by health: %s%n", status.get("by_state"));
    System.out.printf("open alerts: %s%n", status.get("open_alerts"));
    return 0;
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> fromLive() {
    return LiveClient.get(live.port, "/status")
        .filter(body -> LiveClient.sameStore(body, storeOptions.store()))
        .map(body -> (Map<String, Object>) Json.MAPPER.convertValue(readTree(body), Map.class));
  }

  private static JsonNode readTree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Map<String, Object> fromStore() {
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", "store");
      long hashMhs = 0;
      long watts = 0;
      int withPower = 0;
      int polled = 0;
      Map<HealthState, Long> counts = new java.util.EnumMap<>(HealthState.class);
      for (MinerStatus s : store.latest(MinerQuery.all())) {
        if (s.latest() == null) continue;
        polled++;
        counts.merge(s.latest().health(), 1L, Long::sum);
        if (s.latest().answered()) hashMhs += (s.latest().hashrateAvg().isZero() ? s.latest().hashrate() : s.latest().hashrateAvg()).mhs();
        if (s.latest().power() != null) {
          watts += s.latest().power().watts();
          withPower++;
        }
      }
      Hashrate h = new Hashrate(hashMhs);
      int registered = store.minerCount();
      m.put("registered", registered);
      m.put("polled", polled);
      m.put("hashrate_ths", Math.round(h.ths() * 100) / 100.0);
      m.put("hashrate", h.toString());
      m.put("power_w", withPower == 0 ? null : watts);
      m.put("miners_reporting_power", withPower);
      Map<String, Long> byState = new LinkedHashMap<>();
      for (HealthState hs : HealthState.values()) byState.put(hs.code(), counts.getOrDefault(hs, 0L));
      byState.put("unknown", (long) (registered - polled));
      m.put("by_state", byState);
      m.put("open_alerts", store.alerts(true).size());
      m.put("store", storeOptions.store().toAbsolutePath().toString());
      return m;
    }
  }
}
