package io.hashfleet.money.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's charts as PNG images, drawn by JFreeChart without a display. */
public final class ReportCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 320;
  private static final Color EXPECTED = new Color(0x9e, 0xb3, 0xc2);
  private static final Color ACTUAL = new Color(0xf7, 0x93, 0x1a); // bitcoin orange
  private static final Color HASHRATE = new Color(0x2b, 0x6c, 0xb0);

  static {
    // Reports are rendered on servers and in CI, which have no display.
    System.setProperty("java.awt.headless", "true");
  }

  private ReportCharts() {}

  /**
   * Loads Java2D's fonts and JFreeChart's classes by drawing a throwaway chart: about a second on
   * first use, which a caller can spend on another thread while it queries the store.
   */
  public static void warmUp() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(1, "s", "01");
    png(bars("warm-up", "x", data, HASHRATE));
  }

  /** Average operating hashrate by day, EH/s. */
  public static byte[] hashrateByDay(MonthlyReport r) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (MonthlyReport.Day d : r.days()) data.addValue(d.operating().ehs(), "operating hashrate", label(d));
    return png(bars("Operating hashrate by day (EH/s)", "EH/s", data, HASHRATE));
  }

  /** Expected and (where known) actual BTC by day, side by side. */
  public static byte[] productionByDay(MonthlyReport r) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (MonthlyReport.Day d : r.days()) {
      data.addValue(d.expected().toBtc().doubleValue(), "expected", label(d));
      if (d.actual() != null) data.addValue(d.actual().toBtc().doubleValue(), "paid", label(d));
    }
    return png(bars("BTC by day: expected vs paid", "BTC", data, EXPECTED, ACTUAL));
  }

  private static String label(MonthlyReport.Day d) {
    return String.format("%02d", d.day().getDayOfMonth());
  }

  private static JFreeChart bars(String title, String unit, DefaultCategoryDataset data, Color... colors) {
    CategoryAxis x = new CategoryAxis("day");
    x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    NumberAxis y = new NumberAxis(unit);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.02);
    for (int i = 0; i < colors.length; i++) bars.setSeriesPaint(i, colors[i]);
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, colors.length > 1);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static byte[] png(JFreeChart chart) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart: " + e.getMessage(), e);
    }
  }
}
