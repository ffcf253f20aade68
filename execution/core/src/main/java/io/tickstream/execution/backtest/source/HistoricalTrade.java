package io.tickstream.execution.backtest.source;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade of the past, as a backtest reads it.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param tsEvent trade time, epoch nanoseconds
 * @param price trade price, {@code > 0}
 * @param size traded quantity, {@code > 0}
 */
public record HistoricalTrade(
    String instrumentId, long tsEvent, BigDecimal price, BigDecimal size) {

  public HistoricalTrade {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(size, "size");
  }
}
