package io.tickstream.signals.indicators;

/**
 * Exponential moving average with {@code α = 2 / (period + 1)}: {@code ema = (x − prev)·α + prev}.
 *
 * <p>Definition: ta4j 0.17 {@code EMAIndicator}, seeded with the first value (TA-Lib seeds with the
 * SMA of the first {@code period} values instead, so the two differ for a while after the start and
 * never exactly agree). The seed's weight decays as {@code (1 − α)^k}; {@link #isReady()} after
 * {@code period} values, ta4j's unstable period.
 */
public final class Ema implements ValueIndicator<Ema.State> {
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

  public Ema(int period) {
    this.period = StateChecks.period("EMA", "period", period, 1);
    this.alpha = 2.0 / (period + 1);
  }

  @Override
  public double update(double x) {
    // The operation order is ta4j's, so results agree to the last bit.
    value = count++ == 0 ? x : (x - value) * alpha + value;
    return value;
  }

  @Override
  public boolean isReady() {
    return count >= period;
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

  /** Values seen. */
  public long count() {
    return count;
  }

  @Override
  public State snapshot() {
    return new State(period, count, value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("EMA", period, state.period());
    count = state.count();
    value = state.value();
  }
}
