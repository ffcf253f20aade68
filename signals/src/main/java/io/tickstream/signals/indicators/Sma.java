package io.tickstream.signals.indicators;

/**
 * Simple moving average of the last {@code period} values. Reference: ta4j 0.17 {@code
 * SMAIndicator} (equal to TA-Lib {@code SMA} once ready). Ready after {@code period} values; before
 * that, the mean of the values so far, as ta4j.
 */
public final class Sma implements ValueIndicator<Sma.State> {
  private final int period;
  private final RollingSum sum;
  private double value = Double.NaN;

  /**
   * @param period the window
   * @param sum the rolling sum
   * @param value the latest value
   */
  public record State(int period, RollingSum.State sum, double value) {}

  public Sma(int period) {
    this.period = StateChecks.period("SMA", "period", period, 1);
    this.sum = new RollingSum(period);
  }

  @Override
  public double update(double x) {
    value = sum.add(x) / sum.size();
    return value;
  }

  @Override
  public boolean isReady() {
    return sum.isFull();
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return period;
  }

  public int period() {
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, sum.snapshot(), value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("SMA", period, state.period());
    sum.restore(state.sum());
    value = state.value();
  }
}
