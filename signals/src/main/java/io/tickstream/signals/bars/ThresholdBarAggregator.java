package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Information-driven bars that close once a running measure reaches a threshold: tick bars (trade
 * count), volume bars (sum of sizes) and dollar bars (sum of price × size).
 *
 * <p>The trade that makes the measure reach the threshold belongs wholly to the bar it closes;
 * trades are never split, so a bar's measure is at least the threshold and the excess is not
 * carried over. Trades are taken in arrival order, so feed an event-time-ordered stream (e.g. after
 * a watermark sort) for reproducible bars. A bar spans [first trade's tsEvent, last trade's tsEvent
 * + 1).
 */
public final class ThresholdBarAggregator {
  /** What is summed until the threshold. */
  public enum Measure {
    TICKS("tick"),
    VOLUME("volume"),
    DOLLARS("dollar");

    private final String prefix;

    Measure(String prefix) {
      this.prefix = prefix;
    }
  }

  private final String instrumentId;
  private final Measure measure;
  private final BigDecimal threshold;
  private final String spec;
  private BarAccumulator current = new BarAccumulator();
  private BigDecimal sum = BigDecimal.ZERO;

  /**
   * @param threshold the measure at which a bar closes; positive (a whole number for ticks)
   */
  public ThresholdBarAggregator(String instrumentId, Measure measure, BigDecimal threshold) {
    this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    this.measure = Objects.requireNonNull(measure, "measure");
    if (threshold == null || threshold.signum() <= 0) {
      throw new IllegalArgumentException(
          measure.prefix + " bar threshold must be > 0: " + threshold);
    }
    if (measure == Measure.TICKS && threshold.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("tick bar threshold must be a whole number: " + threshold);
    }
    this.threshold = threshold;
    this.spec = measure.prefix + "-" + threshold.stripTrailingZeros().toPlainString();
  }

  /** Tick bars of {@code trades} trades each. */
  public static ThresholdBarAggregator ticks(String instrumentId, long trades) {
    return new ThresholdBarAggregator(instrumentId, Measure.TICKS, BigDecimal.valueOf(trades));
  }

  /** Volume bars closing once the summed size reaches {@code volume}. */
  public static ThresholdBarAggregator volume(String instrumentId, BigDecimal volume) {
    return new ThresholdBarAggregator(instrumentId, Measure.VOLUME, volume);
  }

  /** Dollar bars closing once the summed notional reaches {@code notional}. */
  public static ThresholdBarAggregator dollars(String instrumentId, BigDecimal notional) {
    return new ThresholdBarAggregator(instrumentId, Measure.DOLLARS, notional);
  }

  /** The bar spec text, e.g. {@code tick-100}, {@code volume-50}, {@code dollar-1000000}. */
  public String spec() {
    return spec;
  }

  /** Adds one trade; returns the bar it closed, if any. */
  public Optional<Bar> add(long tsEvent, BigDecimal price, BigDecimal size) {
    current.add(tsEvent, price, size);
    sum =
        switch (measure) {
          case TICKS -> sum.add(BigDecimal.ONE);
          case VOLUME -> sum.add(size);
          case DOLLARS -> sum.add(price.multiply(size));
        };
    if (sum.compareTo(threshold) < 0) {
      return Optional.empty();
    }
    Bar bar =
        current.toBar(instrumentId, spec, current.firstEventTime(), current.lastEventTime() + 1, 0);
    current = new BarAccumulator();
    sum = BigDecimal.ZERO;
    return Optional.of(bar);
  }

  /** The measure accumulated towards the next bar. */
  public BigDecimal pending() {
    return sum;
  }
}
