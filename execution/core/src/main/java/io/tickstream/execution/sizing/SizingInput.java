package io.tickstream.execution.sizing;

import io.tickstream.execution.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a {@link PositionSizer} sizes from.
 *
 * @param instrument the instrument, for its lot size
 * @param price expected entry price (usually the reference price), {@code > 0}
 * @param equity account equity now; a non-positive equity sizes to zero
 * @param atr average true range of the instrument in price units, or null when not computed (only
 *     {@link AtrRiskSizer} needs it)
 */
public record SizingInput(
    Instrument instrument, BigDecimal price, BigDecimal equity, BigDecimal atr) {

  public SizingInput {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(equity, "equity");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("sizing price must be > 0, got " + price);
    }
    if (atr != null && atr.signum() < 0) {
      throw new IllegalArgumentException("ATR must be >= 0, got " + atr);
    }
  }
}
