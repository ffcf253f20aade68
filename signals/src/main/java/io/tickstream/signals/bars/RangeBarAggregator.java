package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Range bars: a bar holds consecutive trades while its high − low stays within {@code range}; the
 * first trade that would widen it beyond {@code range} closes it (without that trade) and opens the
 * next bar. So every bar's high − low is at most {@code range}, and a bar is emitted when the next
 * one starts. Trades are taken in arrival order; a bar spans [first tsEvent, last tsEvent + 1).
 */
public final class RangeBarAggregator {
  private final String instrumentId;
  private final BigDecimal range;
  private final String spec;
  private BarAccumulator current = new BarAccumulator();
  private BigDecimal high;
  private BigDecimal low;

  /**
   * @param range the largest high − low of a bar, positive
   */
  public RangeBarAggregator(String instrumentId, BigDecimal range) {
    this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    if (range == null || range.signum() <= 0) {
      throw new IllegalArgumentException("range bar size must be > 0: " + range);
    }
    this.range = range;
    this.spec = "range-" + range.stripTrailingZeros().toPlainString();
  }

  /** The bar spec text, e.g. {@code range-0.5}. */
  public String spec() {
    return spec;
  }

  /** Adds one trade; returns the bar it closed, if any. */
  public Optional<Bar> add(long tsEvent, BigDecimal price, BigDecimal size) {
    Optional<Bar> closed = Optional.empty();
    if (!current.isEmpty()) {
      BigDecimal newHigh = price.max(high);
      BigDecimal newLow = price.min(low);
      if (newHigh.subtract(newLow).compareTo(range) > 0) {
        closed = Optional.of(emit());
      }
    }
    current.add(tsEvent, price, size);
    high = high == null ? price : high.max(price);
    low = low == null ? price : low.min(price);
    return closed;
  }

  /**
   * Closes the current bar now (e.g. at end of stream).
   *
   * @return the bar, or empty when no trade is pending
   */
  public Optional<Bar> flush() {
    return current.isEmpty() ? Optional.empty() : Optional.of(emit());
  }

  private Bar emit() {
    Bar bar =
        current.toBar(instrumentId, spec, current.firstEventTime(), current.lastEventTime() + 1, 0);
    current = new BarAccumulator();
    high = null;
    low = null;
    return bar;
  }
}
