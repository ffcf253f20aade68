package io.tickstream.execution.backtest;

import io.tickstream.execution.metrics.EquityPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The equity curve and the benchmark's closes at the same times, kept in arrays while running (one
 * point per bar end adds up to millions in a sweep) and turned into points at the end.
 */
final class EquityRecorder {

  // Equity is kept as its unscaled value and scale (BigDecimal.valueOf(unscaled, scale) gives an
  // equal BigDecimal back) when the unscaled value fits in a long, else in {@code wide}. Holding
  // the BigDecimal of every point until the run ends made each of them survive young collections
  // and be copied to the old generation: with a position held, equity is a new object every bar.
  private long[] times = new long[1024];
  private long[] unscaled = new long[1024];
  private int[] scales = new int[1024];
  private BigDecimal[] wide;
  private BigDecimal[] benchmark = new BigDecimal[1024];
  private int size;
  private BigDecimal last;

  void add(long ts, BigDecimal value, BigDecimal benchmarkClose) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      unscaled = Arrays.copyOf(unscaled, n);
      scales = Arrays.copyOf(scales, n);
      benchmark = Arrays.copyOf(benchmark, n);
      if (wide != null) {
        wide = Arrays.copyOf(wide, n);
      }
    }
    times[size] = ts;
    if (value == last && size > 0) {
      // Unchanged equity (nothing held): the same object as the previous point.
      unscaled[size] = unscaled[size - 1];
      scales[size] = scales[size - 1];
      if (wide != null) {
        wide[size] = wide[size - 1];
      }
    } else if (value.precision() <= 18) {
      unscaled[size] = value.unscaledValue().longValue();
      scales[size] = value.scale();
    } else {
      if (wide == null) {
        wide = new BigDecimal[times.length];
      }
      wide[size] = value;
    }
    last = value;
    benchmark[size] = benchmarkClose;
    size++;
  }

  private BigDecimal equity(int i) {
    BigDecimal w = wide == null ? null : wide[i];
    return w != null ? w : BigDecimal.valueOf(unscaled[i], scales[i]);
  }

  int size() {
    return size;
  }

  List<EquityPoint> curve() {
    List<EquityPoint> points = new ArrayList<>(size);
    BigDecimal previous = null;
    for (int i = 0; i < size; i++) {
      // Runs of equal equity (flat stretches) share one BigDecimal, as they did when recorded.
      boolean same =
          previous != null
              && (wide == null || wide[i] == null && wide[i - 1] == null)
              && unscaled[i] == unscaled[i - 1]
              && scales[i] == scales[i - 1];
      BigDecimal value = same ? previous : equity(i);
      points.add(new EquityPoint(times[i], value));
      previous = value;
    }
    return points;
  }

  /**
   * The benchmark's closes at the curve's times; points before its first bar take that first close
   * (a benchmark that has not started yet has not moved). Null when it never traded.
   */
  List<EquityPoint> benchmark() {
    BigDecimal first = null;
    for (int i = 0; i < size && first == null; i++) {
      first = benchmark[i];
    }
    if (first == null) {
      return null;
    }
    List<EquityPoint> points = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      points.add(new EquityPoint(times[i], benchmark[i] == null ? first : benchmark[i]));
    }
    return points;
  }
}
