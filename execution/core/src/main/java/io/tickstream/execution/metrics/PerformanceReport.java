package io.tickstream.execution.metrics;

/**
 * Performance of one equity curve and its trades; see {@link PerformanceMetrics} for definitions.
 *
 * @param totalReturn {@code E_N / E_0 - 1}
 * @param cagr compound annual growth rate
 * @param annualVolatility annualized sample standard deviation of period returns
 * @param sharpe annualized Sharpe ratio
 * @param sortino annualized Sortino ratio
 * @param drawdown maximum drawdown and durations
 * @param trades trade statistics
 * @param benchmark alpha and beta, or null without a benchmark
 */
public record PerformanceReport(
    double totalReturn,
    double cagr,
    double annualVolatility,
    double sharpe,
    double sortino,
    Drawdown drawdown,
    TradeStatistics trades,
    BenchmarkRegression benchmark) {}
