package io.tickstream.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The decimal policy of the execution core.
 *
 * <p>Addition, subtraction and multiplication of prices, quantities and money are exact and never
 * rounded. Only where a division or a basis-point factor is unavoidable (average cost, slippage,
 * commission rates, sizing) is a result rounded, always to {@link #SCALE} places with {@link
 * #ROUNDING} (banker's rounding, the IEEE 754 default, which does not drift in one direction over
 * many operations). Compare values with {@code compareTo}, never {@code equals}, because exact
 * products carry varying scales.
 */
public final class Precision {

  /** Decimal places kept after a rounding operation: money, prices and average costs. */
  public static final int SCALE = 8;

  /** The one rounding mode used after a division. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** 10,000: basis points per unit. */
  public static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

  private Precision() {}

  /** {@code value} rounded to {@link #SCALE} places, {@link #ROUNDING}. */
  public static BigDecimal round(BigDecimal value) {
    return value.setScale(SCALE, ROUNDING);
  }

  /** {@code dividend / divisor} rounded to {@link #SCALE} places, {@link #ROUNDING}. */
  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    return dividend.divide(divisor, SCALE, ROUNDING);
  }

  /** {@code bps} basis points as a fraction, exact (e.g. 25 becomes 0.0025). */
  public static BigDecimal bpsToFraction(BigDecimal bps) {
    // Division by a power of ten is exact: movePointLeft avoids any rounding.
    return bps.movePointLeft(4);
  }

  /**
   * {@code n} rounded down (towards zero) to a whole multiple of {@code increment}.
   *
   * <p>An increment {@code 1 * 10^-k} (lot 1, 0.001, 1E+1; the usual case) needs no division:
   * {@code trunc(n / 10^-k) * 10^-k} is {@code n} truncated to {@code k} places, with the same
   * value and scale {@code k} (the quotient has scale 0, the increment scale {@code k}). Other
   * increments (0.5, 25) divide. Checked against the division in PrecisionTest.
   */
  public static BigDecimal roundDownToMultiple(BigDecimal n, BigDecimal increment) {
    if (increment.unscaledValue().equals(BigInteger.ONE)) {
      return n.setScale(increment.scale(), RoundingMode.DOWN);
    }
    return n.divide(increment, 0, RoundingMode.DOWN).multiply(increment);
  }

  /** True when {@code n} is a whole multiple of {@code increment}. */
  public static boolean isMultiple(BigDecimal n, BigDecimal increment) {
    return n.remainder(increment).signum() == 0;
  }
}
