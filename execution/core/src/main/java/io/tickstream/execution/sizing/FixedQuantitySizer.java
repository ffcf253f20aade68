package io.tickstream.execution.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The same quantity every trade, whatever the price or equity (e.g. one share: backtests compared
 * with tools that trade a fixed amount, such as ta4j's {@code BarSeriesManager}).
 *
 * @param quantity per position, {@code > 0}, rounded down to whole lots when sizing
 */
public record FixedQuantitySizer(BigDecimal quantity) implements PositionSizer {

  public FixedQuantitySizer {
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be > 0, got " + quantity);
    }
  }

  @Override
  public BigDecimal quantity(SizingInput input) {
    return input.instrument().roundDownToLot(quantity);
  }
}
