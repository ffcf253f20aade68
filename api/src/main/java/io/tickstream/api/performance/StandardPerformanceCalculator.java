package io.tickstream.api.performance;

import java.math.MathContext;
import java.util.List;

/**
 * The published definitions (empyrical/pyfolio), the same the execution core documents in {@code
 * PerformanceMetrics}: with N simple returns {@code r_t = E_t / E_(t-1) - 1}, P periods per year
 * and {@code rf = riskFreeRate / P}: CAGR {@code (E_N/E_0)^(P/N) - 1}; volatility {@code s(r)
 * sqrt(P)} (sample, N - 1); Sharpe {@code mean(r - rf) / s(r - rf) sqrt(P)}; Sortino {@code mean(r
 * - rf) / sqrt(sum(min(0, r - rf)^2) / N) sqrt(P)}; maximum drawdown {@code max (peak - E_t) /
 * peak}.
 */
public final class StandardPerformanceCalculator implements PerformanceCalculator {

  @Override
  public Performance compute(List<EquitySample> curve, int periodsPerYear, double riskFreeRate) {
    if (curve.size() < 2) {
      throw new IllegalArgumentException("a curve needs at least two points, got " + curve.size());
    }
    int n = curve.size() - 1;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] =
          curve
                  .get(i + 1)
                  .equity()
                  .divide(curve.get(i).equity(), MathContext.DECIMAL64)
                  .doubleValue()
              - 1;
    }
    double first = curve.get(0).equity().doubleValue();
    double last = curve.get(n).equity().doubleValue();
    double totalReturn = last / first - 1;
    double cagr = Math.pow(last / first, (double) periodsPerYear / n) - 1;
    double rf = riskFreeRate / periodsPerYear;
    double[] excess = new double[n];
    for (int i = 0; i < n; i++) {
      excess[i] = r[i] - rf;
    }
    double annual = Math.sqrt(periodsPerYear);
    double volatility = stdev(r) * annual;
    double sharpe = mean(excess) / stdev(excess) * annual;
    double downside = 0;
    for (double e : excess) {
      downside += Math.min(0, e) * Math.min(0, e);
    }
    double sortino = mean(excess) / Math.sqrt(downside / n) * annual;
    double peak = first;
    int peakIndex = 0;
    double maxDrawdown = 0;
    int maxDrawdownPeriods = 0;
    for (int i = 0; i <= n; i++) {
      double e = curve.get(i).equity().doubleValue();
      if (e > peak) {
        peak = e;
        peakIndex = i;
      }
      double dd = (peak - e) / peak;
      if (dd > maxDrawdown) {
        maxDrawdown = dd;
        maxDrawdownPeriods = i - peakIndex;
      }
    }
    return new Performance(
        curve.size(),
        totalReturn,
        cagr,
        volatility,
        sharpe,
        sortino,
        maxDrawdown,
        maxDrawdownPeriods);
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double stdev(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }
}
