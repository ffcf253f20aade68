package io.tickstream.api.performance;

import java.util.List;

/**
 * Computes performance metrics of an equity curve. The API depends only on this interface, so the
 * execution core's {@code io.tickstream.execution.metrics.PerformanceMetrics} can be plugged in
 * with a small adapter (curve to {@code EquityPoint}s, {@code MetricsConventions(periodsPerYear,
 * riskFreeRate)}, no trades, no benchmark) once that artifact is published.
 */
public interface PerformanceCalculator {
  /**
   * The metrics of {@code curve}.
   *
   * @param curve equity in time order, every value {@code > 0}; at least two points
   * @param periodsPerYear curve points per year (252 for trading days)
   * @param riskFreeRate annual risk-free rate as a fraction
   */
  Performance compute(List<EquitySample> curve, int periodsPerYear, double riskFreeRate);
}
