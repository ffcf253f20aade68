package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.metrics.PerformanceReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** The performance table a backtest prints at the end. */
public final class BacktestSummary {

  private BacktestSummary() {}

  /** Prints {@code result}'s figures, one per line, names left and values right-aligned. */
  public static void print(PrintWriter out, BacktestResult result) {
    row(out, "bars", String.format(Locale.ROOT, "%,d", result.bars()));
    row(out, "fills", String.format(Locale.ROOT, "%,d", result.fills().size()));
    row(out, "orders denied", Integer.toString(result.ordersDenied()));
    row(out, "final equity", result.finalEquity().toPlainString());
    PerformanceReport r = result.report();
    if (r == null) {
      row(out, "metrics", "n/a (fewer than two equity points)");
      return;
    }
    row(out, "total return", percent(r.totalReturn()));
    row(out, "CAGR", percent(r.cagr()));
    row(out, "volatility (annual)", percent(r.annualVolatility()));
    row(out, "Sharpe", number(r.sharpe()));
    row(out, "Sortino", number(r.sortino()));
    row(out, "max drawdown", percent(r.drawdown().maxDrawdown()));
    row(out, "max drawdown duration", duration((double) r.drawdown().maxDrawdownNanos()));
    row(out, "trades", Integer.toString(r.trades().trades()));
    row(out, "win rate", percent(r.trades().winRate()));
    row(out, "profit factor", number(r.trades().profitFactor()));
    row(out, "average trade duration", duration(r.trades().averageDurationNanos()));
    if (r.benchmark() != null) {
      row(out, "alpha (annual)", percent(r.benchmark().annualAlpha()));
      row(out, "beta", number(r.benchmark().beta()));
    }
  }

  private static void row(PrintWriter out, String name, String value) {
    out.printf(Locale.ROOT, "  %-24s %20s%n", name, value);
  }

  static String percent(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", v * 100) : text(v);
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : text(v);
  }

  static String duration(double nanos) {
    if (!Double.isFinite(nanos)) {
      return "n/a";
    }
    Duration d = Duration.ofNanos((long) nanos);
    return d.toDays() > 0
        ? String.format(Locale.ROOT, "%dd %02dh", d.toDays(), d.toHoursPart())
        : String.format(
            Locale.ROOT, "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private static String text(double v) {
    return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
  }
}
