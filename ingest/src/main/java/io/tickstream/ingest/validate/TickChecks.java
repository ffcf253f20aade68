package io.tickstream.ingest.validate;

import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;

/**
 * The stateless rules of the validator, as pure functions: each returns the first {@link Rejection}
 * a tick earns, or {@code null} when it passes. The checks run in a fixed order (price, size,
 * instrument, time, grid, crossing) so a tick with several defects always gets the same reason.
 */
public final class TickChecks {
  private TickChecks() {}

  /**
   * @param tickSize the instrument's tick size, or {@code null} when the instrument is unknown
   * @param nowNanos the validator's clock, epoch nanoseconds
   */
  public static Rejection check(
      TradeTick t, BigDecimal tickSize, long nowNanos, ValidationRules rules) {
    if (t.getPrice().signum() <= 0) {
      return new Rejection(
          DeadLetterReason.NON_POSITIVE_PRICE, "trade price " + t.getPrice() + " is not > 0");
    }
    if (t.getSize().signum() <= 0) {
      return new Rejection(
          DeadLetterReason.NON_POSITIVE_SIZE, "trade size " + t.getSize() + " is not > 0");
    }
    Rejection common =
        instrumentAndTime(t.getInstrumentId(), tickSize, t.getTsEvent(), nowNanos, rules);
    if (common != null) {
      return common;
    }
    return offGrid("trade price", t.getPrice(), tickSize);
  }

  /**
   * @param tickSize the instrument's tick size, or {@code null} when the instrument is unknown
   * @param nowNanos the validator's clock, epoch nanoseconds
   */
  public static Rejection check(
      QuoteTick q, BigDecimal tickSize, long nowNanos, ValidationRules rules) {
    if (q.getBidPrice().signum() <= 0 || q.getAskPrice().signum() <= 0) {
      return new Rejection(
          DeadLetterReason.NON_POSITIVE_PRICE,
          "quote prices bid " + q.getBidPrice() + " / ask " + q.getAskPrice() + " must be > 0");
    }
    if (q.getBidSize().signum() <= 0 || q.getAskSize().signum() <= 0) {
      return new Rejection(
          DeadLetterReason.NON_POSITIVE_SIZE,
          "quote sizes bid " + q.getBidSize() + " / ask " + q.getAskSize() + " must be > 0");
    }
    Rejection common =
        instrumentAndTime(q.getInstrumentId(), tickSize, q.getTsEvent(), nowNanos, rules);
    if (common != null) {
      return common;
    }
    Rejection grid = offGrid("bid price", q.getBidPrice(), tickSize);
    if (grid == null) {
      grid = offGrid("ask price", q.getAskPrice(), tickSize);
    }
    if (grid != null) {
      return grid;
    }
    if (q.getBidPrice().compareTo(q.getAskPrice()) > 0) {
      return new Rejection(
          DeadLetterReason.CROSSED_QUOTE,
          "crossed quote: bid " + q.getBidPrice() + " > ask " + q.getAskPrice());
    }
    return null;
  }

  private static Rejection instrumentAndTime(
      String instrumentId,
      BigDecimal tickSize,
      long tsEvent,
      long nowNanos,
      ValidationRules rules) {
    if (tickSize == null) {
      return new Rejection(
          DeadLetterReason.UNKNOWN_INSTRUMENT,
          "instrument '"
              + instrumentId
              + "' is not in the reference data; load it with `tickstream instruments load`");
    }
    long limit = nowNanos + rules.futureToleranceNanos();
    if (tsEvent > limit) {
      return new Rejection(
          DeadLetterReason.FUTURE_TIMESTAMP,
          "tsEvent "
              + tsEvent
              + " is "
              + (tsEvent - nowNanos)
              + " ns ahead of the validator's clock ("
              + nowNanos
              + "), beyond the tolerance of "
              + rules.futureTolerance());
    }
    return null;
  }

  private static Rejection offGrid(String what, BigDecimal price, BigDecimal tickSize) {
    if (!TickGrid.onGrid(price, tickSize)) {
      return new Rejection(
          DeadLetterReason.OFF_TICK_GRID,
          what
              + " "
              + price.stripTrailingZeros().toPlainString()
              + " is not a multiple of the tick size "
              + tickSize.stripTrailingZeros().toPlainString());
    }
    return null;
  }
}
