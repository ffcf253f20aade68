package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.metrics.EquityPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The equity curve of a backtest above its drawdown (percent below the running peak), sharing one
 * time axis, as a PNG (JFreeChart, headless).
 */
public final class EquityChart {

  /** Image width in pixels. */
  public static final int WIDTH = 1200;

  /** Image height in pixels. */
  public static final int HEIGHT = 700;

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private EquityChart() {}

  /** Writes the chart of {@code curve} (at least one point) to {@code file}. */
  public static void write(Path file, String title, List<EquityPoint> curve) throws IOException {
    if (curve.isEmpty()) {
      throw new IllegalArgumentException("no equity points to chart");
    }
    System.setProperty("java.awt.headless", "true");
    TimeSeries equity = new TimeSeries("equity");
    TimeSeries drawdown = new TimeSeries("drawdown %");
    double peak = Double.NEGATIVE_INFINITY;
    for (EquityPoint p : curve) {
      double v = p.value().doubleValue();
      peak = Math.max(peak, v);
      Millisecond t =
          new Millisecond(new Date(Math.floorDiv(p.tsEvent(), 1_000_000L)), UTC, Locale.ROOT);
      // Several points in one millisecond (sub-ms bars) keep the last.
      equity.addOrUpdate(t, v);
      drawdown.addOrUpdate(t, -100.0 * (1 - v / peak));
    }
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, new Color(0x1f77b4));
    line.setSeriesStroke(0, new BasicStroke(1.5f));
    NumberAxis equityAxis = new NumberAxis("equity");
    equityAxis.setAutoRangeIncludesZero(false);
    XYPlot top = new XYPlot(new TimeSeriesCollection(equity), null, equityAxis, line);
    XYAreaRenderer area = new XYAreaRenderer();
    area.setSeriesPaint(0, new Color(0xd62728));
    XYPlot bottom =
        new XYPlot(new TimeSeriesCollection(drawdown), null, new NumberAxis("drawdown %"), area);
    DateAxis time = new DateAxis("time (UTC)");
    time.setTimeZone(UTC);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.add(top, 3);
    plot.add(bottom, 1);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
