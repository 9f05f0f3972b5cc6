package io.hashfleet.money.report;

import java.util.Base64;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The report as one self-contained HTML page: the Markdown rendered by commonmark, charts inlined. */
public final class HtmlReport {
  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

  private HtmlReport() {}

  public static String render(MonthlyReport r, byte[] hashratePng, byte[] productionPng) {
    String md = MarkdownReport.render(r, dataUri(hashratePng), dataUri(productionPng));
    String body = RENDERER.render(PARSER.parse(md));
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Production update %s</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 960px; margin: 2em auto; color: #1a202c; }
          table { border-collapse: collapse; margin: 1em 0; }
          th, td { border: 1px solid #d2d6dc; padding: 4px 10px; }
          td:not(:first-child) { text-align: right; }
          img { max-width: 100%%; }
        </style></head>
        <body>
        %s</body></html>
        """.formatted(r.month(), body);
  }

  private static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
