package io.tickstream.execution.metrics;

import io.tickstream.execution.portfolio.ClosedTrade;
import java.util.List;
import java.util.Objects;

/**
 * Performance statistics of an equity curve, with the common published definitions (those of
 * empyrical/pyfolio and most fund fact sheets). With {@code r_t = E_t / E_(t-1) - 1} the N simple
 * period returns, {@code P} periods per year and {@code rf} the per-period risk-free rate ({@link
 * MetricsConventions}):
 *
 * <ul>
 *   <li>total return {@code = E_N / E_0 - 1};
 *   <li>CAGR {@code = (E_N / E_0)^(P / N) - 1}, i.e. the curve spans {@code N / P} years;
 *   <li>annual volatility {@code = s(r) * sqrt(P)} with {@code s} the sample standard deviation
 *       (divisor N - 1);
 *   <li>Sharpe {@code = mean(r - rf) / s(r - rf) * sqrt(P)}: the ex-post Sharpe ratio (Sharpe, "The
 *       Sharpe Ratio", Journal of Portfolio Management 21(1), 1994) annualized by {@code sqrt(P)},
 *       which assumes i.i.d. returns (Lo, "The Statistics of Sharpe Ratios", Financial Analysts
 *       Journal 58(4), 2002);
 *   <li>Sortino {@code = mean(r - rf) / DD * sqrt(P)} with the target downside deviation {@code DD
 *       = sqrt(sum(min(0, r - rf)^2) / N)} over all N periods, target = rf (Sortino and Price,
 *       "Performance Measurement in a Downside Risk Framework", Journal of Investing 3(3), 1994;
 *       Rollinger and Hoffman, "Sortino: A 'Sharper' Ratio", Red Rock Capital, 2013);
 *   <li>drawdowns as in {@link Drawdown}; trades as in {@link TradeStatistics}; alpha and beta as
 *       in {@link BenchmarkRegression}.
 * </ul>
 *
 * Ratios with a zero denominator are NaN (0/0) or signed infinity. All doubles: these are
 * statistics, not money.
 */
public final class PerformanceMetrics {

  private PerformanceMetrics() {}

  /** The full report; {@code benchmark} may be null, else it has the curve's timestamps. */
  public static PerformanceReport report(
      List<EquityPoint> curve,
      List<ClosedTrade> trades,
      List<EquityPoint> benchmark,
      MetricsConventions conventions) {
    // Each point's value as a double once: BigDecimal.doubleValue is the costly part of a report
    // over a long curve, and returns, total return, CAGR and drawdowns all read the same values.
    double[] values = values(curve);
    double[] r = returns(values);
    BenchmarkRegression regression = null;
    if (benchmark != null) {
      if (benchmark.size() != curve.size()) {
        throw new IllegalArgumentException(
            "benchmark has " + benchmark.size() + " points, the curve " + curve.size());
      }
      for (int i = 0; i < curve.size(); i++) {
        if (benchmark.get(i).tsEvent() != curve.get(i).tsEvent()) {
          throw new IllegalArgumentException("benchmark and curve differ in time at point " + i);
        }
      }
      regression = BenchmarkRegression.of(r, returns(benchmark), conventions);
    }
    int n = values.length - 1;
    return new PerformanceReport(
        values[n] / values[0] - 1,
        Math.pow(values[n] / values[0], (double) conventions.periodsPerYear() / n) - 1,
        annualVolatility(r, conventions),
        sharpe(r, conventions),
        sortino(r, conventions),
        Drawdown.of(curve, values),
        TradeStatistics.of(trades),
        regression);
  }

  /** The N simple returns of N + 1 points. */
  public static double[] returns(List<EquityPoint> curve) {
    Objects.requireNonNull(curve, "curve");
    if (curve.size() < 2) {
      throw new IllegalArgumentException("need at least 2 points, got " + curve.size());
    }
    return returns(values(curve));
  }

  /** The curve's values as doubles, in order. */
  static double[] values(List<EquityPoint> curve) {
    double[] v = new double[curve.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = curve.get(i).value().doubleValue();
    }
    return v;
  }

  /** The N simple returns of N + 1 values. */
  private static double[] returns(double[] values) {
    if (values.length < 2) {
      throw new IllegalArgumentException("need at least 2 points, got " + values.length);
    }
    double[] r = new double[values.length - 1];
    for (int i = 1; i < values.length; i++) {
      r[i - 1] = values[i] / values[i - 1] - 1;
    }
    return r;
  }

  /** {@code E_N / E_0 - 1}. */
  public static double totalReturn(List<EquityPoint> curve) {
    return last(curve) / first(curve) - 1;
  }

  /** {@code (E_N / E_0)^(P / N) - 1}. */
  public static double cagr(List<EquityPoint> curve, MetricsConventions conventions) {
    int n = curve.size() - 1;
    if (n < 1) {
      throw new IllegalArgumentException("need at least 2 points, got " + curve.size());
    }
    return Math.pow(last(curve) / first(curve), (double) conventions.periodsPerYear() / n) - 1;
  }

  /** {@code s(r) * sqrt(P)}, sample standard deviation. */
  public static double annualVolatility(double[] r, MetricsConventions conventions) {
    return sampleStdev(r, 0) * Math.sqrt(conventions.periodsPerYear());
  }

  /** {@code mean(r - rf) / s(r - rf) * sqrt(P)}. */
  public static double sharpe(double[] r, MetricsConventions conventions) {
    double rf = conventions.riskFreePerPeriod();
    return mean(r, rf) / sampleStdev(r, rf) * Math.sqrt(conventions.periodsPerYear());
  }

  /** {@code mean(r - rf) / sqrt(sum(min(0, r - rf)^2) / N) * sqrt(P)}. */
  public static double sortino(double[] r, MetricsConventions conventions) {
    double rf = conventions.riskFreePerPeriod();
    double squares = 0;
    for (double x : r) {
      double shortfall = Math.min(0, x - rf);
      squares += shortfall * shortfall;
    }
    double downside = Math.sqrt(squares / r.length);
    return mean(r, rf) / downside * Math.sqrt(conventions.periodsPerYear());
  }

  /** Mean of {@code r - shift}. */
  static double mean(double[] r, double shift) {
    double sum = 0;
    for (double x : r) {
      sum += x - shift;
    }
    return sum / r.length;
  }

  /** Sample standard deviation (divisor N - 1) of {@code r - shift}; NaN for fewer than 2. */
  static double sampleStdev(double[] r, double shift) {
    if (r.length < 2) {
      return Double.NaN;
    }
    double m = mean(r, shift);
    double ss = 0;
    for (double x : r) {
      double d = x - shift - m;
      ss += d * d;
    }
    return Math.sqrt(ss / (r.length - 1));
  }

  private static double first(List<EquityPoint> curve) {
    return curve.get(0).value().doubleValue();
  }

  private static double last(List<EquityPoint> curve) {
    return curve.get(curve.size() - 1).value().doubleValue();
  }
}
