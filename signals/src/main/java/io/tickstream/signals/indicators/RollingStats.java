package io.tickstream.signals.indicators;

/**
 * Mean and population variance of the last {@code period} values in O(1) per update, without the
 * catastrophic cancellation of {@code E[x²] − E[x]²}.
 *
 * <p>While filling it is Welford's update; once full, the sliding form of it: with {@code d = new −
 * old}, {@code mean' = mean + d/n} and {@code M2' = M2 + d·(new − mean' + old − mean)}, which only
 * ever combines deviations from the mean, so prices near 1e6 with moves of 1e-4 keep their digits.
 * Every {@code period} updates mean and M2 are recomputed two-pass from the window, so rounding
 * errors cannot accumulate over a long stream (amortised O(1)).
 *
 * <p>The statistics are kept on {@code x − shift}, with {@code shift} a recent value reset at each
 * recomputation: the offset mean is small, so it is not rounded to the ulp of the price level
 * (1.2e-10 at 1e6), which would otherwise dominate the error of a tiny σ.
 */
public final class RollingStats {
  private final RollingWindow window;
  private double shift = Double.NaN;
  private double mean;
  private double m2;
  private int sinceRecompute;

  /**
   * @param values the window, oldest first
   * @param shift the value subtracted from every input, NaN before the first
   * @param mean running mean of {@code x − shift}
   * @param m2 running sum of squared deviations from the mean
   * @param sinceRecompute updates since the last two-pass recomputation
   */
  public record State(double[] values, double shift, double mean, double m2, int sinceRecompute) {
    public State {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  public RollingStats(int period) {
    this.window = new RollingWindow(period);
  }

  /** Adds {@code x}, dropping the oldest value once full. */
  public void add(double raw) {
    if (Double.isNaN(shift)) {
      shift = raw;
    }
    double evictedRaw = window.push(raw);
    double x = raw - shift;
    if (Double.isNaN(evictedRaw)) {
      int n = window.size();
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
    } else {
      double evicted = evictedRaw - shift;
      double oldMean = mean;
      double d = x - evicted;
      mean += d / window.capacity();
      m2 += d * (x - mean + evicted - oldMean);
    }
    if (++sinceRecompute >= window.capacity()) {
      recompute();
    }
  }

  private void recompute() {
    int n = window.size();
    shift = window.get(n - 1);
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += window.get(i) - shift;
    }
    double mu = sum / n;
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
      double dev = (window.get(i) - shift) - mu;
      acc += dev * dev;
    }
    mean = mu;
    m2 = acc;
    sinceRecompute = 0;
  }

  public double mean() {
    return window.size() == 0 ? Double.NaN : shift + mean;
  }

  /** {@code x − mean}, without rounding the mean to the price level first. */
  public double deviation(double x) {
    return (x - shift) - mean;
  }

  /** Population variance (divides by the number of values), never negative. */
  public double variance() {
    int n = window.size();
    return n == 0 ? Double.NaN : Math.max(m2, 0.0) / n;
  }

  /** Population standard deviation. */
  public double stdDev() {
    return Math.sqrt(variance());
  }

  public int size() {
    return window.size();
  }

  public boolean isFull() {
    return window.isFull();
  }

  public State snapshot() {
    return new State(window.toArray(), shift, mean, m2, sinceRecompute);
  }

  public void restore(State state) {
    window.load(state.values);
    shift = state.shift;
    mean = state.mean;
    m2 = state.m2;
    sinceRecompute = state.sinceRecompute;
  }
}
