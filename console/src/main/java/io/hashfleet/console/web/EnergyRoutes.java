package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.energy.EventDesk;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;

/** Curtailment events, their command timelines, and demand-response calls from the console. */
final class EnergyRoutes {
  private final ConsoleServices s;

  EnergyRoutes(ConsoleServices services) {
    this.s = services;
  }

  /** A demand-response call: shed {@code shedMw} at {@code site} within {@code withinMinutes}, for {@code durationMinutes}. */
  record EventRequest(String site, BigDecimal shedMw, Integer withinMinutes, Integer durationMinutes) {}

  void register(ConsoleServer.Api api) {
    api.get("/api/energy/events", ctx -> ctx.json(s.energy().events(ConsoleServer.principal(ctx))));
    api.get("/api/energy/events/{id}", ctx -> ctx.json(s.energy().event(ConsoleServer.principal(ctx), ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("event " + ctx.pathParam("id")))));
    api.post("/api/energy/events", this::postEvent);
  }

  private void postEvent(Context ctx) throws InterruptedException {
    Principal p = ConsoleServer.principal(ctx);
    if (!p.role().commandsMiners()) throw ApiException.forbidden("only the operator's people send commands to miners");
    EventDesk desk = s.eventDesk();
    if (desk == null) throw new ApiException(409, "no energy controller runs in this process (start `hashfleet up --energy`)");
    EventRequest req = ctx.bodyAsClass(EventRequest.class);
    if (req == null || req.site() == null || req.shedMw() == null) throw new IllegalArgumentException("send {\"site\", \"shed_mw\", \"within_minutes\", \"duration_minutes\"}");
    if (req.shedMw().signum() <= 0) throw new IllegalArgumentException("shed_mw must be positive, got " + req.shedMw());
    if (s.fleet().site(p, req.site()).isEmpty()) throw ApiException.notFound("site " + req.site());
    long watts = req.shedMw().movePointRight(6).longValueExact();
    Duration within = Duration.ofMinutes(req.withinMinutes() == null ? 10 : req.withinMinutes());
    Duration duration = Duration.ofMinutes(req.durationMinutes() == null ? 60 : req.durationMinutes());
    String detail = "shed " + req.shedMw().toPlainString() + " MW within " + within.toMinutes() + " min for " + duration.toMinutes() + " min";
    s.audit().record(p, "command", req.site(), "demand response: " + detail, ctx.ip());
    EventDesk.Receipt r = desk.demandResponse(req.site(), watts, within, duration, "console:" + p.username());
    s.audit().record(p, "command_result", r.eventId(), r.accepted() + " of " + r.orders() + " accepted, " + r.refused() + " refused, "
        + r.failed() + " failed", ctx.ip());
    ctx.status(201).json(r);
  }
}
