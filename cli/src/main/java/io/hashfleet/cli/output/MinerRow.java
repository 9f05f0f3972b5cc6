package io.hashfleet.cli.output;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.domain.PoolReading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-miner record every command prints: one JSON object per line with --json, one table row
 * otherwise. Field names are part of the CLI's contract; unknown values are JSON null.
 */
public final class MinerRow {
  private MinerRow() {}

  public static Map<String, Object> of(MinerAddress address, MinerIdentity id, MinerLocation loc, MinerTelemetry t,
      HealthState health, String detail, ModelCatalog catalog) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", address.host());
    m.put("port", address.port());
    m.put("make", id.make().label());
    m.put("model", id.modelName());
    m.put("model_id", id.modelId());
    m.put("firmware", id.firmware());
    m.put("dialect", id.dialect().label());
    m.put("mac", id.mac());
    AsicModel model = id.modelId() == null ? null : catalog.byId(id.modelId()).orElse(null);
    m.put("hashrate_ths", t == null ? null : round2(t.hashrateNow().ths()));
    m.put("hashrate_avg_ths", t == null ? null : round2(t.hashrateAvg().ths()));
    m.put("nominal_ths", model == null ? null : model.nominalThs());
    m.put("boards_alive", t == null ? null : t.boardsAlive());
    m.put("boards_total", t == null ? (model == null ? null : model.hashboards()) : Math.max(t.boards().size(), model == null ? 0 : model.hashboards()));
    m.put("temp_max_c", t == null ? null : t.tempMaxC());
    m.put("fans_rpm", t == null ? List.of() : t.fanRpm());
    m.put("power_w", t == null ? null : t.powerW());
    PoolReading pool = t == null ? null : t.activePool();
    m.put("pool_url", pool == null ? null : pool.url());
    m.put("worker", pool == null ? null : pool.user());
    m.put("accepted", t == null ? null : t.accepted());
    m.put("rejected", t == null ? null : t.rejected());
    m.put("hw_errors", t == null ? null : t.hwErrors());
    m.put("uptime_s", t == null ? null : t.uptimeS());
    m.put("health", health == null ? null : health.code());
    m.put("detail", detail);
    m.put("site", loc == null ? null : loc.site());
    m.put("rack", loc == null ? null : loc.rack());
    m.put("position", loc == null ? null : loc.position());
    return m;
  }

  static Double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
