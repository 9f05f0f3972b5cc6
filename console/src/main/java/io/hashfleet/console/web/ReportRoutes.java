package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.money.ReportView;
import io.hashfleet.money.report.MarkdownReport;
import io.hashfleet.money.report.MonthlyReport;
import io.hashfleet.money.report.ReportCharts;
import io.hashfleet.money.report.ReportFiles;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** The monthly production report: as JSON for the page, and as the Markdown and CSV files the CLI writes. */
final class ReportRoutes {
  private final ConsoleServices s;

  ReportRoutes(ConsoleServices services) {
    this.s = services;
  }

  void register(ConsoleServer.Api api) {
    api.get("/api/reports/monthly", ctx -> ctx.json(reports().page(ConsoleServer.principal(ctx), month(ctx))));
    api.get("/api/reports/monthly.md", this::markdown);
    api.get("/api/reports/monthly.csv", this::csv);
  }

  private ReportView reports() {
    if (s.reports() == null) throw new ApiException(409, "reports are not configured in this process");
    return s.reports();
  }

  private YearMonth month(Context ctx) {
    String m = Params.text(ctx, "month");
    try {
      return m == null ? reports().lastComplete() : YearMonth.parse(m);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("?month=" + m + ": expected YYYY-MM");
    }
  }

  /** Charts inlined as data URIs, so the one file is the whole report. */
  private void markdown(Context ctx) {
    Principal who = ConsoleServer.principal(ctx);
    MonthlyReport r = reports().report(who, month(ctx));
    String md = MarkdownReport.render(r, png(ReportCharts.hashrateByDay(r)), png(ReportCharts.productionByDay(r)));
    download(ctx, who, r, "md", "text/markdown; charset=utf-8").result(md);
  }

  private void csv(Context ctx) {
    Principal who = ConsoleServer.principal(ctx);
    MonthlyReport r = reports().report(who, month(ctx));
    download(ctx, who, r, "csv", "text/csv; charset=utf-8").result(ReportFiles.csv(r));
  }

  private static Context download(Context ctx, Principal who, MonthlyReport r, String extension, String type) {
    // The CLI's file name, with the tenant: an owner and its operator each download "their" report.
    String name = "production-" + r.month() + "-" + who.tenant().id().replaceAll("[^A-Za-z0-9_-]", "") + "." + extension;
    return ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  }

  private static String png(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
