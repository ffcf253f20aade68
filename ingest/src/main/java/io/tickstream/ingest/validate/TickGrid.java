package io.tickstream.ingest.validate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Whether a price is a whole multiple of a tick size, exactly. Works on the unscaled integers at a
 * common scale, with {@code long} arithmetic when they fit (the usual case at scale 8): {@link
 * BigDecimal#remainder} allocates heavily and showed as the validator's top cost.
 */
final class TickGrid {
  private TickGrid() {}

  /** {@code price} is {@code k · tick} for a whole {@code k}; {@code tick} must be positive. */
  static boolean onGrid(BigDecimal price, BigDecimal tick) {
    int scale = Math.max(price.scale(), tick.scale());
    BigInteger p =
        price.scale() == scale ? price.unscaledValue() : price.setScale(scale).unscaledValue();
    BigInteger t =
        tick.scale() == scale ? tick.unscaledValue() : tick.setScale(scale).unscaledValue();
    if (p.bitLength() < 63 && t.bitLength() < 63) {
      return p.longValue() % t.longValue() == 0;
    }
    return p.mod(t.abs()).signum() == 0;
  }
}
