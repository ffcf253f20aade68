package io.tickstream.execution.metrics;

/**
 * Jensen's alpha and beta: the ordinary least squares fit {@code (r_p - r_f) = alpha + beta (r_b -
 * r_f)} of the strategy's excess returns on the benchmark's (Jensen, "The Performance of Mutual
 * Funds in the Period 1945-1964", Journal of Finance 23(2), 1968). {@code beta = cov(x, y) /
 * var(x)} and {@code alpha = mean(y) - beta * mean(x)} per period; the annual alpha is {@code alpha
 * * periodsPerYear} (simple scaling, like the Sharpe ratio's mean).
 *
 * @param alpha excess return per period not explained by the benchmark
 * @param annualAlpha {@code alpha * periodsPerYear}
 * @param beta sensitivity to the benchmark's excess return; NaN when the benchmark never moves
 */
public record BenchmarkRegression(double alpha, double annualAlpha, double beta) {

  /** The regression of {@code returns} on {@code benchmarkReturns} (same length, >= 2). */
  public static BenchmarkRegression of(
      double[] returns, double[] benchmarkReturns, MetricsConventions conventions) {
    if (returns.length != benchmarkReturns.length) {
      throw new IllegalArgumentException(
          "return series differ in length: " + returns.length + " vs " + benchmarkReturns.length);
    }
    if (returns.length < 2) {
      throw new IllegalArgumentException("a regression needs at least 2 returns");
    }
    double rf = conventions.riskFreePerPeriod();
    int n = returns.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += benchmarkReturns[i] - rf;
      meanY += returns[i] - rf;
    }
    meanX /= n;
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = benchmarkReturns[i] - rf - meanX;
      sxy += dx * (returns[i] - rf - meanY);
      sxx += dx * dx;
    }
    double beta = sxx == 0 ? Double.NaN : sxy / sxx;
    double alpha = meanY - beta * meanX;
    return new BenchmarkRegression(alpha, alpha * conventions.periodsPerYear(), beta);
  }
}
