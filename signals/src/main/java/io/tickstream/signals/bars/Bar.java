package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An OHLCV bar over [start, end) in nanoseconds since the epoch. Prices and volume are exact.
 *
 * @param instrumentId instrument, SYMBOL.VENUE
 * @param spec the bar specification, e.g. {@code 1m}
 * @param start start of the interval, inclusive, epoch nanoseconds
 * @param end end of the interval, exclusive, epoch nanoseconds
 * @param open price of the earliest trade by event time
 * @param high highest price
 * @param low lowest price
 * @param close price of the latest trade by event time
 * @param volume sum of sizes
 * @param tradeCount number of trades
 * @param vwap sum(price*size)/sum(size), half-even to {@link BarAccumulator#VWAP_SCALE} places
 * @param revision 0 for the first emission, +1 for each late change
 */
public record Bar(
    String instrumentId,
    String spec,
    long start,
    long end,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    BigDecimal volume,
    long tradeCount,
    BigDecimal vwap,
    int revision) {

  public Bar {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(spec, "spec");
    if (end <= start) {
      throw new IllegalArgumentException("bar end " + end + " must be after start " + start);
    }
    if (tradeCount <= 0) {
      throw new IllegalArgumentException("a bar needs at least one trade, got " + tradeCount);
    }
  }

  /** The same bar as a later revision. */
  public Bar withRevision(int newRevision) {
    return new Bar(
        instrumentId,
        spec,
        start,
        end,
        open,
        high,
        low,
        close,
        volume,
        tradeCount,
        vwap,
        newRevision);
  }
}
