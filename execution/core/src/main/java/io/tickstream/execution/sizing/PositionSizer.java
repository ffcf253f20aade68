package io.tickstream.execution.sizing;

import java.math.BigDecimal;

/**
 * Turns equity, price and volatility into an absolute position size.
 *
 * <p>Every implementation returns a non-negative quantity in whole lots, rounded <em>down</em>: a
 * budget is a ceiling, and rounding up would spend more than it allows. The caller applies the
 * signal's direction (see {@link TargetPosition}).
 */
public interface PositionSizer {

  /** Absolute quantity, {@code >= 0}, a whole number of the instrument's lots. */
  BigDecimal quantity(SizingInput input);

  /**
   * {@code budget / unitCost} rounded down to whole lots of {@code input}'s instrument; zero when
   * the budget is not positive. Exact: the only rounding is the final floor.
   */
  static BigDecimal lotsWithin(SizingInput input, BigDecimal budget, BigDecimal unitCost) {
    if (budget.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal lot = input.instrument().lotSize();
    // floor(budget / (unitCost * lot)) lots: one exact integer division, no intermediate rounding.
    BigDecimal lots = budget.divide(unitCost.multiply(lot), 0, java.math.RoundingMode.DOWN);
    return lots.multiply(lot);
  }
}
