package io.tickstream.signals.indicators;

/**
 * Linearly weighted moving average: the newest of the last {@code n} values weighs {@code n}, the
 * oldest 1, divided by {@code n(n+1)/2}. Reference: ta4j 0.17 {@code WMAIndicator} (equal to TA-Lib
 * {@code WMA} once ready). Ready after {@code period} values; before, the same weighting over the
 * values so far, as ta4j.
 *
 * <p>O(1): with the plain sum {@code S} of the window, sliding by one gives {@code W' = W − S +
 * n·x}. Both sums are recomputed from the window every {@code period} updates to stop rounding
 * drift.
 */
public final class Wma implements ValueIndicator<Wma.State> {
  private final int period;
  private final RollingWindow window;
  private double weighted;
  private double plain;
  private int sinceRecompute;
  private double value = Double.NaN;

  /**
   * @param period the window
   * @param values the window, oldest first
   * @param weighted the weighted sum
   * @param plain the plain sum
   * @param sinceRecompute updates since both sums were recomputed
   * @param value the latest value
   */
  public record State(
      int period,
      double[] values,
      double weighted,
      double plain,
      int sinceRecompute,
      double value) {
    public State {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  public Wma(int period) {
    this.period = StateChecks.period("WMA", "period", period, 1);
    this.window = new RollingWindow(period);
  }

  @Override
  public double update(double x) {
    double evicted = window.push(x);
    int n = window.size();
    if (Double.isNaN(evicted)) {
      weighted += n * x;
      plain += x;
    } else {
      weighted += n * x - plain;
      plain += x - evicted;
    }
    if (++sinceRecompute >= period) {
      double w = 0.0;
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        double v = window.get(i);
        w += (i + 1) * v;
        s += v;
      }
      weighted = w;
      plain = s;
      sinceRecompute = 0;
    }
    value = weighted / ((n * (n + 1L)) / 2);
    return value;
  }

  @Override
  public boolean isReady() {
    return window.isFull();
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
    return new State(period, window.toArray(), weighted, plain, sinceRecompute, value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("WMA", period, state.period());
    window.load(state.values());
    weighted = state.weighted();
    plain = state.plain();
    sinceRecompute = state.sinceRecompute();
    value = state.value();
  }
}
