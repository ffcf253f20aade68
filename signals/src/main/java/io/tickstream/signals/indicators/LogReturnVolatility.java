package io.tickstream.signals.indicators;

/**
 * Rolling volatility: population standard deviation of the last {@code period} log returns {@code
 * ln(x / previous x)}, per bar (not annualised: multiply by √(bars per year) for that).
 *
 * <p>Reference: ta4j 0.17 {@code StandardDeviationIndicator} (population) over the log returns, and
 * TA-Lib {@code STDDEV} (also population). Uses {@link RollingStats}. Ready after {@code period +
 * 1} values ({@code period} returns); before, over the returns so far (NaN before the second
 * value).
 */
public final class LogReturnVolatility implements ValueIndicator<LogReturnVolatility.State> {
  private final int period;
  private final RollingStats stats;
  private double previous = Double.NaN;
  private double value = Double.NaN;

  /**
   * @param period the number of returns in the window
   * @param stats rolling statistics of the returns
   * @param previous the previous value, NaN before the first
   * @param value the latest volatility
   */
  public record State(int period, RollingStats.State stats, double previous, double value) {}

  public LogReturnVolatility(int period) {
    this.period = StateChecks.period("log-return volatility", "period", period, 1);
    this.stats = new RollingStats(period);
  }

  @Override
  public double update(double x) {
    if (!Double.isNaN(previous)) {
      stats.add(Math.log(x / previous));
      value = stats.stdDev();
    }
    previous = x;
    return value;
  }

  @Override
  public boolean isReady() {
    return stats.isFull();
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return period + 1;
  }

  @Override
  public State snapshot() {
    return new State(period, stats.snapshot(), previous, value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("log-return volatility", period, state.period());
    stats.restore(state.stats());
    previous = state.previous();
    value = state.value();
  }
}
