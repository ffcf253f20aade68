package io.tickstream.execution.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fixed fraction of equity per position: {@code quantity = floor_lots(equity * fraction /
 * price)}.
 *
 * @param fraction of equity, in (0, 1]; leverage is the risk engine's business, not sizing's
 */
public record FractionOfEquitySizer(BigDecimal fraction) implements PositionSizer {

  public FractionOfEquitySizer {
    Objects.requireNonNull(fraction, "fraction");
    if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
  }

  @Override
  public BigDecimal quantity(SizingInput input) {
    return PositionSizer.lotsWithin(input, input.equity().multiply(fraction), input.price());
  }
}
