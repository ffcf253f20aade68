package io.tickstream.signals.indicators;

/**
 * On-balance volume: starts at 0; adds the bar's volume when the close rose, subtracts it when it
 * fell, keeps it otherwise. Reference: ta4j 0.17 {@code OnBalanceVolumeIndicator}. Ready from the
 * first bar (it is 0 there by definition).
 */
public final class Obv implements BarIndicator<Obv.State> {
  private double previousClose = Double.NaN;
  private double value = Double.NaN;

  /**
   * @param previousClose the previous close, NaN before the first bar
   * @param value the running OBV
   */
  public record State(double previousClose, double value) {}

  @Override
  public double update(double high, double low, double close, double volume) {
    if (Double.isNaN(previousClose)) {
      value = 0.0;
    } else if (close > previousClose) {
      value += volume;
    } else if (close < previousClose) {
      value -= volume;
    }
    previousClose = close;
    return value;
  }

  @Override
  public boolean isReady() {
    return !Double.isNaN(previousClose);
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return 1;
  }

  @Override
  public State snapshot() {
    return new State(previousClose, value);
  }

  @Override
  public void restore(State state) {
    previousClose = state.previousClose();
    value = state.value();
  }
}
