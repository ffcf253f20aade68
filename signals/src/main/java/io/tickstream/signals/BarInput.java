package io.tickstream.signals;

import io.tickstream.signals.bars.Bar;

/**
 * A closed bar with its prices as doubles, converted once so that several indicators and strategies
 * can share one conversion (BigDecimal → double costs more than an indicator update).
 *
 * @param bar the bar the prices came from; null when built from raw prices
 */
public record BarInput(Bar bar, double open, double high, double low, double close, double volume) {

  /** Converts {@code bar}. */
  public static BarInput of(Bar bar) {
    return new BarInput(
        bar,
        bar.open().doubleValue(),
        bar.high().doubleValue(),
        bar.low().doubleValue(),
        bar.close().doubleValue(),
        bar.volume().doubleValue());
  }

  /** Raw prices without a bar (tests, benchmarks). */
  public static BarInput of(double open, double high, double low, double close, double volume) {
    return new BarInput(null, open, high, low, close, volume);
  }
}
