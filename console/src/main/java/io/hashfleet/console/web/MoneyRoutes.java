package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.money.MoneyView;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Expected versus actual production by day, and the treasury. */
final class MoneyRoutes {
  private final ConsoleServices s;

  MoneyRoutes(ConsoleServices services) {
    this.s = services;
  }

  void register(ConsoleServer.Api api) {
    api.get("/api/production", this::production);
    api.get("/api/treasury", this::treasury);
  }

  private MoneyView money() {
    if (s.money() == null) throw new ApiException(409, "production figures are not configured in this process");
    return s.money();
  }

  private void production(Context ctx) {
    String m = Params.text(ctx, "month");
    YearMonth month;
    try {
      month = m == null ? YearMonth.now(s.clock().withZone(ZoneOffset.UTC)) : YearMonth.parse(m);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("?month=" + m + ": expected YYYY-MM");
    }
    ctx.json(money().production(ConsoleServer.principal(ctx), month));
  }

  private void treasury(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    String d = Params.text(ctx, "date");
    LocalDate date;
    try {
      date = d == null ? LocalDate.now(s.clock().withZone(ZoneOffset.UTC)) : LocalDate.parse(d);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("?date=" + d + ": expected YYYY-MM-DD");
    }
    ctx.json(money().treasury(p, date).orElseThrow(() -> ApiException.notFound("treasury of " + p.tenant().id())));
  }
}
