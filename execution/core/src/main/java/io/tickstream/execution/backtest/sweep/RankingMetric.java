package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.metrics.PerformanceReport;
import java.util.function.ToDoubleFunction;

/**
 * What a sweep ranks by. Every score is "higher is better" (drawdown is negated); a run without a
 * report or with a NaN score ranks last.
 */
public enum RankingMetric {
  TOTAL_RETURN(PerformanceReport::totalReturn),
  CAGR(PerformanceReport::cagr),
  SHARPE(PerformanceReport::sharpe),
  SORTINO(PerformanceReport::sortino),
  MAX_DRAWDOWN(r -> -r.drawdown().maxDrawdown()),
  PROFIT_FACTOR(r -> r.trades().profitFactor()),
  WIN_RATE(r -> r.trades().winRate());

  private final ToDoubleFunction<PerformanceReport> score;

  RankingMetric(ToDoubleFunction<PerformanceReport> score) {
    this.score = score;
  }

  /** The score of {@code result}, higher is better; NaN when it has no report. */
  public double score(BacktestResult result) {
    return result.report() == null ? Double.NaN : score.applyAsDouble(result.report());
  }
}
