package io.hashfleet.cli.command;

import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.output.Table;
import io.hashfleet.cli.runtime.LiveClient;
import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.LatestReading;
import io.hashfleet.store.MinerQuery;
import io.hashfleet.store.MinerStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The fleet, one miner a line, filtered: live from a running collector, else from the store. */
@Command(name = "miners", mixinStandardHelpOptions = true, description = "List miners with their latest state; filter by site, model, health.")
public final class MinersCommand implements Callable<Integer> {
  @Option(names = "--site") String site;

  @Option(names = "--model", paramLabel = "ID", description = "Catalog model id, e.g. s19xp.") String model;

  @Option(names = "--health", paramLabel = "STATE", description = "ok, offline, overheat, dead_board, fan_failure, no_pool, low_hashrate, high_rejects.")
  String health;

  @Option(names = "--limit", defaultValue = "0", description = "At most this many (0 = all).") int limit;

  @Option(names = "--json", description = "JSON Lines: one object per miner.") boolean json;

  @Mixin LiveOptions live;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws Exception {
    HealthState state = health == null ? null : HealthState.fromCode(health);
    List<Map<String, Object>> rows = fromLive().orElseGet(() -> fromStore(state));
    if (json) {
      for (Map<String, Object> r : rows) System.out.println(Json.line(r));
      return 0;
    }
    Table t = new Table("ADDRESS", "MODEL", "FIRMWARE", "TH/S", "NOMINAL", "BOARDS", "TEMP", "POWER W", "HEALTH", "SITE", "RACK", "POS", "DETAIL");
    for (Map<String, Object> r : rows) {
      t.row(r.get("address") + ":" + r.get("port"), r.get("model"), r.get("firmware"), r.get("hashrate_avg_ths"), r.get("nominal_ths"),
          r.get("boards_alive") + "/" + r.get("boards_total"), r.get("temp_max_c"), r.get("power_w"), r.get("health"),
          r.get("site"), r.get("rack"), r.get("position"), r.get("detail"));
    }
    t.print(System.out);
    System.err.printf("%,d miners%n", rows.size());
    return 0;
  }

  @SuppressWarnings("unchecked")
  private Optional<List<Map<String, Object>>> fromLive() {
    Optional<String> status = LiveClient.get(live.port, "/status");
    if (status.isEmpty() || !LiveClient.sameStore(status.get(), storeOptions.store())) return Optional.empty();
    StringBuilder q = new StringBuilder("/miners?limit=" + limit);
    if (site != null) q.append("&site=").append(URLEncoder.encode(site, StandardCharsets.UTF_8));
    if (model != null) q.append("&model=").append(URLEncoder.encode(model, StandardCharsets.UTF_8));
    if (health != null) q.append("&health=").append(URLEncoder.encode(health, StandardCharsets.UTF_8));
    return LiveClient.get(live.port, q.toString()).map(body -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.isBlank()) continue;
        try {
          rows.add(Json.MAPPER.readValue(line, LinkedHashMap.class));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return rows;
    });
  }

  private List<Map<String, Object>> fromStore(HealthState state) {
    ModelCatalog catalog = storeOptions.catalog();
    MinerQuery query = MinerQuery.all();
    if (site != null) query = query.site(site);
    if (model != null) query = query.model(model);
    if (state != null) query = query.health(state);
    if (limit > 0) query = query.limit(limit);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      for (MinerStatus s : store.latest(query)) rows.add(row(s, catalog));
    }
    return rows;
  }

  /** The same fields as a live row. */
  static Map<String, Object> row(MinerStatus s, ModelCatalog catalog) {
    FleetMiner m = s.miner();
    LatestReading r = s.latest();
    AsicModel am = m.identity().modelId() == null ? null : catalog.byId(m.identity().modelId()).orElse(null);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("address", m.address().host());
    row.put("port", m.address().port());
    row.put("make", m.identity().make().label());
    row.put("model", m.identity().modelName());
    row.put("model_id", m.identity().modelId());
    row.put("firmware", m.identity().firmware());
    row.put("dialect", m.identity().dialect().label());
    row.put("mac", m.identity().mac());
    boolean answered = r != null && r.answered();
    row.put("hashrate_ths", answered ? round2(r.hashrate().ths()) : null);
    row.put("hashrate_avg_ths", answered ? round2(r.hashrateAvg().ths()) : null);
    row.put("nominal_ths", am == null ? null : am.nominalThs());
    row.put("boards_alive", r == null ? null : r.boardsAlive());
    row.put("boards_total", r == null || r.boardsTotal() == null ? (am == null ? null : am.hashboards()) : r.boardsTotal());
    row.put("temp_max_c", r == null ? null : r.tempMaxC());
    row.put("fans_rpm", r == null ? List.of() : r.fansRpm());
    row.put("power_w", r == null || r.power() == null ? null : r.power().watts());
    row.put("pool_url", r == null ? null : r.poolUrl());
    row.put("accepted", r == null ? null : r.accepted());
    row.put("rejected", r == null ? null : r.rejected());
    row.put("hw_errors", r == null ? null : r.hwErrors());
    row.put("uptime_s", r == null ? null : r.uptimeS());
    row.put("health", r == null ? "unknown" : r.health().code());
    row.put("detail", r == null ? "never polled" : r.detail());
    row.put("site", m.location().site());
    row.put("rack", m.location().rack());
    row.put("position", m.location().position());
    return row;
  }

  private static Double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
