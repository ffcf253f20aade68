package io.tickstream.signals.indicators;

/**
 * Sum of the last {@code period} values in O(1) per update. Adding the new value and subtracting
 * the evicted one lets rounding errors pile up over a long stream, so the sum is recomputed from
 * the window every {@code period} updates: amortised O(1), and the error stays that of one window.
 */
public final class RollingSum {
  private final RollingWindow window;
  private double sum;
  private int sinceRecompute;

  /**
   * @param values the window, oldest first
   * @param sum the running sum
   * @param sinceRecompute updates since the sum was last recomputed
   */
  public record State(double[] values, double sum, int sinceRecompute) {
    public State {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  public RollingSum(int period) {
    this.window = new RollingWindow(period);
  }

  /** Adds {@code x}, dropping the oldest value once full; returns the new sum. */
  public double add(double x) {
    double evicted = window.push(x);
    // Same order as ta4j's running total: add the new value, then subtract the old one.
    sum += x;
    if (!Double.isNaN(evicted)) {
      sum -= evicted;
    }
    if (++sinceRecompute >= window.capacity()) {
      double exact = 0.0;
      for (int i = 0, n = window.size(); i < n; i++) {
        exact += window.get(i);
      }
      sum = exact;
      sinceRecompute = 0;
    }
    return sum;
  }

  public double sum() {
    return sum;
  }

  /** Values in the window (at most the period). */
  public int size() {
    return window.size();
  }

  public boolean isFull() {
    return window.isFull();
  }

  /** The oldest value still in the window. */
  public double oldest() {
    return window.get(0);
  }

  public State snapshot() {
    return new State(window.toArray(), sum, sinceRecompute);
  }

  public void restore(State state) {
    window.load(state.values);
    sum = state.sum;
    sinceRecompute = state.sinceRecompute;
  }
}
