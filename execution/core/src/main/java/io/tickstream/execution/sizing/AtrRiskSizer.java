package io.tickstream.execution.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Volatility sizing: risk a fixed fraction of equity per trade, with the stop {@code atrMultiple}
 * ATRs away from entry, so {@code quantity = floor_lots(equity * riskFraction / (atrMultiple *
 * ATR))} (the "Turtle" unit of Faith, "Way of the Turtle", 2007, ch. 5, with N = ATR). A volatile
 * instrument gets a smaller position, and a stop-out loses about {@code riskFraction} of equity. An
 * input without ATR, or with ATR zero, sizes to zero: no volatility estimate, no trade.
 *
 * @param riskFraction equity lost if the stop is hit, in (0, 1]
 * @param atrMultiple distance from entry to stop in ATRs, {@code > 0}
 */
public record AtrRiskSizer(BigDecimal riskFraction, BigDecimal atrMultiple)
    implements PositionSizer {

  public AtrRiskSizer {
    Objects.requireNonNull(riskFraction, "riskFraction");
    Objects.requireNonNull(atrMultiple, "atrMultiple");
    if (riskFraction.signum() <= 0 || riskFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("riskFraction must be in (0, 1], got " + riskFraction);
    }
    if (atrMultiple.signum() <= 0) {
      throw new IllegalArgumentException("atrMultiple must be > 0, got " + atrMultiple);
    }
  }

  @Override
  public BigDecimal quantity(SizingInput input) {
    if (input.atr() == null || input.atr().signum() == 0) {
      return BigDecimal.ZERO;
    }
    return PositionSizer.lotsWithin(
        input, input.equity().multiply(riskFraction), atrMultiple.multiply(input.atr()));
  }
}
