package io.tickstream.signals.indicators;

/**
 * Bollinger Bands: middle = mean of the last {@code period} values, upper/lower = middle ± k·σ with
 * σ the population standard deviation (divides by n). {@link #value()} is the middle.
 *
 * <p>Reference: ta4j 0.17 {@code BollingerBandsMiddle/Upper/LowerIndicator} over {@code
 * StandardDeviationIndicator} (population, equal to TA-Lib {@code BBANDS} with SMA). Mean and σ
 * come from {@link RollingStats}, stable for large prices with small moves. Ready after {@code
 * period} values; before, over the values so far, as ta4j.
 */
public final class BollingerBands implements ValueIndicator<BollingerBands.State> {
  private final int period;
  private final double k;
  private final RollingStats stats;
  private double middle = Double.NaN;
  private double deviation = Double.NaN;

  /**
   * @param period the window
   * @param k the band width in standard deviations
   * @param stats rolling mean and variance
   */
  public record State(int period, double k, RollingStats.State stats) {}

  public BollingerBands(int period, double k) {
    this.period = StateChecks.period("Bollinger Bands", "period", period, 1);
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("Bollinger Bands k must be a positive number, got " + k);
    }
    this.k = k;
    this.stats = new RollingStats(period);
  }

  @Override
  public double update(double x) {
    stats.add(x);
    refresh();
    return middle;
  }

  private void refresh() {
    middle = stats.mean();
    deviation = stats.stdDev();
  }

  /** Middle + k·σ. */
  public double upper() {
    return middle + deviation * k;
  }

  /** Middle − k·σ. */
  public double lower() {
    return middle - deviation * k;
  }

  /** The population standard deviation of the window. */
  public double stdDev() {
    return deviation;
  }

  @Override
  public boolean isReady() {
    return stats.isFull();
  }

  @Override
  public double value() {
    return middle;
  }

  @Override
  public int warmUp() {
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, k, stats.snapshot());
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters(
        "Bollinger Bands", period + "/" + k, state.period() + "/" + state.k());
    stats.restore(state.stats());
    if (stats.size() > 0) {
      refresh();
    } else {
      middle = Double.NaN;
      deviation = Double.NaN;
    }
  }
}
