package io.tickstream.signals.indicators;

/**
 * Relative strength index with Wilder's smoothing: {@code 100 − 100 / (1 + avgGain / avgLoss)}; 100
 * when there were only gains, 0 when there was no change at all.
 *
 * <p>Definition: ta4j 0.17 {@code RSIIndicator}. The averages are {@link WilderAverage}s seeded
 * with the first gain/loss, which ta4j defines as 0 for the first value, so the value starts at 0.
 * TA-Lib instead seeds with the plain mean of the first {@code period} changes; the two converge
 * but never agree exactly. Ready after {@code period + 1} values ({@code period} changes).
 */
public final class Rsi implements ValueIndicator<Rsi.State> {
  private final int period;
  private final WilderAverage gains;
  private final WilderAverage losses;
  private double previous = Double.NaN;
  private double value = Double.NaN;

  /**
   * @param period the period
   * @param gains average gain
   * @param losses average loss
   * @param previous the previous value
   * @param value the latest RSI
   */
  public record State(
      int period,
      WilderAverage.State gains,
      WilderAverage.State losses,
      double previous,
      double value) {}

  public Rsi(int period) {
    this.period = StateChecks.period("RSI", "period", period, 1);
    this.gains = new WilderAverage(period);
    this.losses = new WilderAverage(period);
  }

  @Override
  public double update(double x) {
    boolean first = Double.isNaN(previous);
    double gain = !first && x > previous ? x - previous : 0.0;
    double loss = !first && x < previous ? previous - x : 0.0;
    previous = x;
    double avgGain = gains.update(gain);
    double avgLoss = losses.update(loss);
    if (avgLoss == 0.0) {
      value = avgGain == 0.0 ? 0.0 : 100.0;
    } else {
      value = 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }
    return value;
  }

  @Override
  public boolean isReady() {
    return gains.count() > period;
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
    return new State(period, gains.snapshot(), losses.snapshot(), previous, value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("RSI", period, state.period());
    gains.restore(state.gains());
    losses.restore(state.losses());
    previous = state.previous();
    value = state.value();
  }
}
