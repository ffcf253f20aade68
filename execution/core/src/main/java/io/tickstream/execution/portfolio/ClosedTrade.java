package io.tickstream.execution.portfolio;

import io.tickstream.execution.orders.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A round trip: a position from the fill that opened it to the fill that took it back to (or
 * through) zero. Adds and partial reductions in between belong to the same trip.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param entrySide BUY for a long trip, SELL for a short one
 * @param entryTs time of the opening fill, epoch nanoseconds
 * @param exitTs time of the closing fill, epoch nanoseconds
 * @param pnl realized PnL of the trip net of every commission paid in it
 */
public record ClosedTrade(
    String instrumentId, OrderSide entrySide, long entryTs, long exitTs, BigDecimal pnl) {

  public ClosedTrade {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(entrySide, "entrySide");
    Objects.requireNonNull(pnl, "pnl");
    if (exitTs < entryTs) {
      throw new IllegalArgumentException("trade exits at " + exitTs + " before entry " + entryTs);
    }
  }

  /** Holding time, nanoseconds. */
  public long durationNanos() {
    return exitTs - entryTs;
  }
}
