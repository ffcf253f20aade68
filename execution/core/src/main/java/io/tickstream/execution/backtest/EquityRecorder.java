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

  private long[] times = new long[1024];
  private BigDecimal[] equity = new BigDecimal[1024];
  private BigDecimal[] benchmark = new BigDecimal[1024];
  private int size;

  void add(long ts, BigDecimal value, BigDecimal benchmarkClose) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      equity = Arrays.copyOf(equity, n);
      benchmark = Arrays.copyOf(benchmark, n);
    }
    times[size] = ts;
    equity[size] = value;
    benchmark[size] = benchmarkClose;
    size++;
  }

  int size() {
    return size;
  }

  List<EquityPoint> curve() {
    List<EquityPoint> points = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      points.add(new EquityPoint(times[i], equity[i]));
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
