package io.tickstream.execution.metrics;

import java.util.List;

/**
 * Drawdowns of an equity curve. A drawdown at point t is {@code 1 - E_t / max(E_0..E_t)}; an
 * episode runs from a peak to the first later point at or above it (recovery), or to the last point
 * when equity never recovers.
 *
 * @param maxDrawdown the largest drawdown, a fraction in [0, 1); 0 for a curve that never falls
 * @param maxDrawdownPeriods length of the episode containing the largest drawdown, in points from
 *     peak to recovery (or to the end)
 * @param maxDrawdownNanos the same episode in time
 * @param longestDrawdownPeriods the longest episode of any depth, in points
 * @param longestDrawdownNanos the longest episode in time
 */
public record Drawdown(
    double maxDrawdown,
    int maxDrawdownPeriods,
    long maxDrawdownNanos,
    int longestDrawdownPeriods,
    long longestDrawdownNanos) {

  /** The drawdowns of {@code curve}, which must not be empty. */
  public static Drawdown of(List<EquityPoint> curve) {
    if (curve.isEmpty()) {
      throw new IllegalArgumentException("empty equity curve");
    }
    return of(curve, PerformanceMetrics.values(curve));
  }

  /**
   * {@link #of(List)} with the curve's values already as doubles ({@code values[i]} of point i).
   */
  static Drawdown of(List<EquityPoint> curve, double[] values) {
    if (curve.isEmpty()) {
      throw new IllegalArgumentException("empty equity curve");
    }
    double maxDd = 0;
    int maxDdPeriods = 0;
    long maxDdNanos = 0;
    int longestPeriods = 0;
    long longestNanos = 0;
    int peakIndex = 0;
    double peak = values[0];
    double episodeDepth = 0;
    for (int i = 1; i <= curve.size(); i++) {
      boolean end = i == curve.size();
      double value = end ? Double.NaN : values[i];
      if (end || value >= peak) {
        // The episode that started at peakIndex ends here (recovery) or at the last point.
        int last = end ? curve.size() - 1 : i;
        int periods = last - peakIndex;
        long nanos = curve.get(last).tsEvent() - curve.get(peakIndex).tsEvent();
        if (episodeDepth > 0) {
          if (episodeDepth > maxDd) {
            maxDd = episodeDepth;
            maxDdPeriods = periods;
            maxDdNanos = nanos;
          }
          if (periods > longestPeriods) {
            longestPeriods = periods;
            longestNanos = nanos;
          }
        }
        if (!end) {
          peak = value;
          peakIndex = i;
          episodeDepth = 0;
        }
      } else {
        episodeDepth = Math.max(episodeDepth, 1 - value / peak);
      }
    }
    return new Drawdown(maxDd, maxDdPeriods, maxDdNanos, longestPeriods, longestNanos);
  }
}
