package io.tickstream.signals.indicators;

/**
 * Z-score of the latest value against the last {@code period} values (itself included): {@code (x −
 * mean) / σ}, σ the population standard deviation; 0 when σ is 0.
 *
 * <p>Reference: ta4j 0.17 {@code (x − SMAIndicator) / StandardDeviationIndicator}. Uses {@link
 * RollingStats}. Ready after {@code period} values.
 */
public final class ZScore implements ValueIndicator<ZScore.State> {
  private final int period;
  private final RollingStats stats;
  private double value = Double.NaN;

  /**
   * @param period the window
   * @param stats rolling mean and variance
   * @param value the latest z-score
   */
  public record State(int period, RollingStats.State stats, double value) {}

  public ZScore(int period) {
    this.period = StateChecks.period("z-score", "period", period, 1);
    this.stats = new RollingStats(period);
  }

  @Override
  public double update(double x) {
    stats.add(x);
    double sd = stats.stdDev();
    value = sd == 0.0 ? 0.0 : stats.deviation(x) / sd;
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
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, stats.snapshot(), value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("z-score", period, state.period());
    stats.restore(state.stats());
    value = state.value();
  }
}
