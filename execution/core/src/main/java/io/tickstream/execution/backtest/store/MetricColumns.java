package io.tickstream.execution.backtest.store;

import io.tickstream.execution.metrics.BenchmarkRegression;
import io.tickstream.execution.metrics.Drawdown;
import io.tickstream.execution.metrics.PerformanceReport;
import io.tickstream.execution.metrics.TradeStatistics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A {@link PerformanceReport} in the metric columns of {@code backtest_runs}. Doubles go in binary
 * and come back exactly, NaN and infinities included; a missing report or benchmark is NULL.
 */
final class MetricColumns {

  /** The columns, in the order {@link #bind} sets them. */
  static final String NAMES =
      "total_return, cagr, annual_volatility, sharpe, sortino, max_drawdown,"
          + " max_drawdown_periods, max_drawdown_ns, longest_drawdown_periods, longest_drawdown_ns,"
          + " trade_count, win_rate, profit_factor, avg_trade_duration_ns, gross_profit,"
          + " gross_loss, alpha, annual_alpha, beta";

  /** Number of columns. */
  static final int COUNT = 19;

  private MetricColumns() {}

  /** Sets the {@link #COUNT} parameters from {@code first} on. */
  static void bind(PreparedStatement s, int first, PerformanceReport r) throws SQLException {
    if (r == null) {
      for (int i = 0; i < COUNT; i++) {
        s.setNull(first + i, Types.NULL);
      }
      return;
    }
    int i = first;
    s.setDouble(i++, r.totalReturn());
    s.setDouble(i++, r.cagr());
    s.setDouble(i++, r.annualVolatility());
    s.setDouble(i++, r.sharpe());
    s.setDouble(i++, r.sortino());
    Drawdown d = r.drawdown();
    s.setDouble(i++, d.maxDrawdown());
    s.setInt(i++, d.maxDrawdownPeriods());
    s.setLong(i++, d.maxDrawdownNanos());
    s.setInt(i++, d.longestDrawdownPeriods());
    s.setLong(i++, d.longestDrawdownNanos());
    TradeStatistics t = r.trades();
    s.setInt(i++, t.trades());
    s.setDouble(i++, t.winRate());
    s.setDouble(i++, t.profitFactor());
    s.setDouble(i++, t.averageDurationNanos());
    s.setBigDecimal(i++, t.grossProfit());
    s.setBigDecimal(i++, t.grossLoss());
    BenchmarkRegression b = r.benchmark();
    if (b == null) {
      s.setNull(i++, Types.DOUBLE);
      s.setNull(i++, Types.DOUBLE);
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i++, b.alpha());
      s.setDouble(i++, b.annualAlpha());
      s.setDouble(i, b.beta());
    }
  }

  /** The report of the current row, or null when it has none. */
  static PerformanceReport read(ResultSet rs) throws SQLException {
    if (rs.getObject("total_return") == null) {
      return null;
    }
    Drawdown drawdown =
        new Drawdown(
            rs.getDouble("max_drawdown"),
            rs.getInt("max_drawdown_periods"),
            rs.getLong("max_drawdown_ns"),
            rs.getInt("longest_drawdown_periods"),
            rs.getLong("longest_drawdown_ns"));
    TradeStatistics trades =
        new TradeStatistics(
            rs.getInt("trade_count"),
            rs.getDouble("win_rate"),
            rs.getDouble("profit_factor"),
            rs.getDouble("avg_trade_duration_ns"),
            rs.getBigDecimal("gross_profit"),
            rs.getBigDecimal("gross_loss"));
    BenchmarkRegression benchmark =
        rs.getObject("beta") == null
            ? null
            : new BenchmarkRegression(
                rs.getDouble("alpha"), rs.getDouble("annual_alpha"), rs.getDouble("beta"));
    return new PerformanceReport(
        rs.getDouble("total_return"),
        rs.getDouble("cagr"),
        rs.getDouble("annual_volatility"),
        rs.getDouble("sharpe"),
        rs.getDouble("sortino"),
        drawdown,
        trades,
        benchmark);
  }
}
