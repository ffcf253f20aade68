package io.tickstream.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the core needs to know about a tradable instrument.
 *
 * @param instrumentId SYMBOL.VENUE, as in market data and signals
 * @param tickSize smallest price increment; prices of limit and stop orders must be multiples
 * @param lotSize smallest quantity increment; order quantities must be multiples
 */
public record Instrument(String instrumentId, BigDecimal tickSize, BigDecimal lotSize) {

  public Instrument {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(tickSize, "tickSize");
    Objects.requireNonNull(lotSize, "lotSize");
    if (instrumentId.isBlank()) {
      throw new IllegalArgumentException("instrumentId must not be blank");
    }
    if (tickSize.signum() <= 0) {
      throw new IllegalArgumentException(
          "tickSize of " + instrumentId + " must be > 0, got " + tickSize);
    }
    if (lotSize.signum() <= 0) {
      throw new IllegalArgumentException(
          "lotSize of " + instrumentId + " must be > 0, got " + lotSize);
    }
  }

  /** {@code quantity} rounded down to whole lots (sizing never rounds up past its budget). */
  public BigDecimal roundDownToLot(BigDecimal quantity) {
    return Precision.roundDownToMultiple(quantity, lotSize);
  }

  /** {@code price} rounded to the nearest tick, half-even. */
  public BigDecimal roundToTick(BigDecimal price) {
    return price
        .divide(tickSize, 0, Precision.ROUNDING)
        .multiply(tickSize)
        .setScale(Math.max(0, tickSize.stripTrailingZeros().scale()));
  }
}
