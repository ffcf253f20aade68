package io.tickstream.api.performance;

import io.vertx.core.json.JsonObject;

/**
 * Performance of an equity curve. Ratios are statistics (doubles); a ratio with a zero or missing
 * denominator is NaN and written as JSON null.
 *
 * @param points equity points used
 * @param totalReturn {@code E_N / E_0 - 1}
 * @param cagr compound annual growth rate over {@code N / periodsPerYear} years
 * @param annualVolatility sample standard deviation of period returns times {@code sqrt(P)}
 * @param sharpe annualized Sharpe ratio
 * @param sortino annualized Sortino ratio (target = risk-free, downside over all periods)
 * @param maxDrawdown largest peak-to-trough fall as a fraction of the peak, {@code >= 0}
 * @param maxDrawdownPeriods periods from that peak to the trough
 */
public record Performance(
    int points,
    double totalReturn,
    double cagr,
    double annualVolatility,
    double sharpe,
    double sortino,
    double maxDrawdown,
    int maxDrawdownPeriods) {

  /** The JSON body of the performance route. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("points", points)
        .put("totalReturn", finite(totalReturn))
        .put("cagr", finite(cagr))
        .put("annualVolatility", finite(annualVolatility))
        .put("sharpe", finite(sharpe))
        .put("sortino", finite(sortino))
        .put("maxDrawdown", finite(maxDrawdown))
        .put("maxDrawdownPeriods", maxDrawdownPeriods);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
