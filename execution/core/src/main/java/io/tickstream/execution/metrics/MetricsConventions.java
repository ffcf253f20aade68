package io.tickstream.execution.metrics;

/**
 * How returns are annualized and what the risk-free rate is.
 *
 * @param periodsPerYear equity-curve points per year: 252 for daily trading days, 52 weekly, 12
 *     monthly, 365 for crypto days
 * @param riskFreeRate annual risk-free rate as a fraction (0.02 = 2 %); the per-period rate is
 *     {@code riskFreeRate / periodsPerYear} (simple, not compounded)
 */
public record MetricsConventions(int periodsPerYear, double riskFreeRate) {

  /** Daily points, 252 trading days, zero risk-free rate. */
  public static final MetricsConventions DAILY = new MetricsConventions(252, 0.0);

  public MetricsConventions {
    if (periodsPerYear <= 0) {
      throw new IllegalArgumentException("periodsPerYear must be > 0, got " + periodsPerYear);
    }
    if (!Double.isFinite(riskFreeRate)) {
      throw new IllegalArgumentException("riskFreeRate must be finite, got " + riskFreeRate);
    }
  }

  /** Risk-free return of one period. */
  public double riskFreePerPeriod() {
    return riskFreeRate / periodsPerYear;
  }
}
