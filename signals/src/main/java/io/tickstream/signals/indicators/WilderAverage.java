package io.tickstream.signals.indicators;

/**
 * Wilder's smoothing (modified moving average), {@code α = 1 / period}, seeded with the first value
 * as ta4j 0.17 {@code MMAIndicator}. The building block of {@link Rsi} and {@link Atr}.
 */
public final class WilderAverage {
  private final int period;
  private final double alpha;
  private long count;
  private double value = Double.NaN;

  /**
   * @param period the period
   * @param count values seen
   * @param value the latest value
   */
  public record State(int period, long count, double value) {}

  public WilderAverage(int period) {
    this.period = StateChecks.period("Wilder average", "period", period, 1);
    this.alpha = 1.0 / period;
  }

  public double update(double x) {
    value = count++ == 0 ? x : (x - value) * alpha + value;
    return value;
  }

  public double value() {
    return value;
  }

  public long count() {
    return count;
  }

  public State snapshot() {
    return new State(period, count, value);
  }

  public void restore(State state) {
    StateChecks.sameParameters("Wilder average", period, state.period());
    count = state.count();
    value = state.value();
  }
}
