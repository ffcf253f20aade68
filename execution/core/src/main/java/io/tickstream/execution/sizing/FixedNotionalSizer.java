package io.tickstream.execution.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The same notional every trade: {@code quantity = floor_lots(notional / price)}.
 *
 * @param notional money per position, {@code > 0}
 */
public record FixedNotionalSizer(BigDecimal notional) implements PositionSizer {

  public FixedNotionalSizer {
    Objects.requireNonNull(notional, "notional");
    if (notional.signum() <= 0) {
      throw new IllegalArgumentException("notional must be > 0, got " + notional);
    }
  }

  @Override
  public BigDecimal quantity(SizingInput input) {
    return PositionSizer.lotsWithin(input, notional, input.price());
  }
}
