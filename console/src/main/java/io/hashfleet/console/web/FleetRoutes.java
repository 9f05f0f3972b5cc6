package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.fleet.MinerFilter;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.store.SeriesPoint;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Overview, sites and their heatmaps, miners, series and alerts. */
final class FleetRoutes {
  private final ConsoleServices s;

  FleetRoutes(ConsoleServices services) {
    this.s = services;
  }

  /** A series point as the charts read it. */
  record Point(Instant t, long hashrateMhs, Long powerW, int minersReporting) {
    static List<Point> of(List<SeriesPoint> points) {
      return points.stream().map(p -> new Point(p.start(), p.hashrate().mhs(), p.power() == null ? null : p.power().watts(), p.minersReporting()))
          .toList();
    }
  }

  void register(ConsoleServer.Api api) {
    api.get("/api/overview", ctx -> ctx.json(s.fleet().overview(ConsoleServer.principal(ctx))));
    api.get("/api/sites", ctx -> ctx.json(s.fleet().sites(ConsoleServer.principal(ctx))));
    api.get("/api/sites/{site}", ctx -> ctx.json(s.fleet().site(ConsoleServer.principal(ctx), ctx.pathParam("site"))
        .orElseThrow(() -> ApiException.notFound("site " + ctx.pathParam("site")))));
    api.get("/api/sites/{site}/heatmap", ctx -> ctx.json(s.fleet().heatmap(ConsoleServer.principal(ctx), ctx.pathParam("site"))
        .orElseThrow(() -> ApiException.notFound("site " + ctx.pathParam("site")))));
    api.get("/api/sites/{site}/series", this::siteSeries);
    api.get("/api/series", ctx -> ctx.json(Point.of(s.fleet().series(ConsoleServer.principal(ctx), null, Params.hours(ctx, 24, 24 * 90),
        bucket(ctx)))));
    api.get("/api/miners", this::miners);
    api.get("/api/miners/{address}", ctx -> ctx.json(s.fleet().miner(ConsoleServer.principal(ctx), address(ctx))
        .orElseThrow(() -> ApiException.notFound("miner " + ctx.pathParam("address")))));
    api.get("/api/miners/{address}/series", ctx -> ctx.json(Point.of(s.fleet()
        .minerSeries(ConsoleServer.principal(ctx), address(ctx), Params.hours(ctx, 24, 24 * 31))
        .orElseThrow(() -> ApiException.notFound("miner " + ctx.pathParam("address"))))));
    api.get("/api/alerts", ctx -> ctx.json(s.fleet().alerts(ConsoleServer.principal(ctx), !"all".equals(ctx.queryParam("state")),
        Params.limit(ctx, 500, 10_000))));
  }

  private void siteSeries(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    String site = ctx.pathParam("site");
    // Checked first: an owner asking for a site where it has nothing gets 404, not an empty chart.
    if (s.fleet().site(p, site).isEmpty()) throw ApiException.notFound("site " + site);
    ctx.json(Point.of(s.fleet().series(p, site, Params.hours(ctx, 24, 24 * 90), bucket(ctx))));
  }

  private void miners(Context ctx) {
    String health = Params.text(ctx, "health");
    MinerFilter f = new MinerFilter(Params.text(ctx, "site"), Params.text(ctx, "model"), health == null ? null : HealthState.fromCode(health),
        Params.text(ctx, "q"), Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE), Params.limit(ctx, 100, MinerFilter.MAX_LIMIT));
    ctx.json(s.fleet().miners(ConsoleServer.principal(ctx), f));
  }

  private static Duration bucket(Context ctx) {
    return Duration.ofMinutes(Params.intParam(ctx, "bucket_minutes", 5, 1, 24 * 60));
  }

  private static MinerAddress address(Context ctx) {
    return MinerAddress.parse(ctx.pathParam("address"));
  }
}
