package io.tickstream.api.performance;

import io.tickstream.execution.metrics.Drawdown;
import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.metrics.PerformanceMetrics;
import io.tickstream.execution.metrics.PerformanceReport;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance route's adapter over the execution core: an account's equity rows become {@link
 * EquityPoint}s and {@link PerformanceMetrics#report} computes every metric, so the API and the
 * backtest engine report the same numbers by the same definitions. The route has no closed trades
 * and no benchmark, so the report's trade statistics and regression are not used.
 */
public final class CurvePerformance {
  private CurvePerformance() {}

  /**
   * The core's report of {@code curve}.
   *
   * @param curve equity in time order, every value {@code > 0}; at least two points
   * @param conventions periods per year and annual risk-free rate
   * @throws IllegalArgumentException for fewer than two points or a non-positive equity
   */
  public static PerformanceReport report(List<EquitySample> curve, MetricsConventions conventions) {
    List<EquityPoint> points = new ArrayList<>(curve.size());
    for (EquitySample s : curve) {
      points.add(new EquityPoint(nanos(s.ts()), s.equity()));
    }
    return PerformanceMetrics.report(points, List.of(), null, conventions);
  }

  /**
   * The JSON body of the route: {@code points}, {@code totalReturn}, {@code cagr}, {@code
   * annualVolatility}, {@code sharpe}, {@code sortino}, {@code maxDrawdown}, {@code
   * maxDrawdownPeriods} (peak to recovery, or to the last point), {@code longestDrawdownPeriods}.
   * Ratios with a zero or missing denominator are NaN in the core and JSON null here.
   */
  public static JsonObject toJson(int points, PerformanceReport r) {
    Drawdown dd = r.drawdown();
    return new JsonObject()
        .put("points", points)
        .put("totalReturn", finite(r.totalReturn()))
        .put("cagr", finite(r.cagr()))
        .put("annualVolatility", finite(r.annualVolatility()))
        .put("sharpe", finite(r.sharpe()))
        .put("sortino", finite(r.sortino()))
        .put("maxDrawdown", finite(dd.maxDrawdown()))
        .put("maxDrawdownPeriods", dd.maxDrawdownPeriods())
        .put("longestDrawdownPeriods", dd.longestDrawdownPeriods());
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
