package io.tickstream.execution.fill;

import io.tickstream.execution.Precision;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Fees per fill: {@code max(minimum, notional * rateBps / 10000 + quantity * perUnit)}, rounded to
 * {@link Precision#SCALE} places. Covers the common schedules: a percentage of notional (most
 * crypto and European venues), a per-share fee (US brokers) and a minimum ticket charge. The
 * minimum applies to each fill, so partial fills pay it more than once, as they do at brokers that
 * charge per execution.
 *
 * @param rateBps fee in basis points of notional, {@code >= 0}
 * @param perUnit fee per unit of quantity, {@code >= 0}
 * @param minimum smallest fee of a fill, {@code >= 0}
 */
public record CommissionSchedule(BigDecimal rateBps, BigDecimal perUnit, BigDecimal minimum) {

  /** No fees. */
  public static final CommissionSchedule FREE =
      new CommissionSchedule(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public CommissionSchedule {
    Objects.requireNonNull(rateBps, "rateBps");
    Objects.requireNonNull(perUnit, "perUnit");
    Objects.requireNonNull(minimum, "minimum");
    if (rateBps.signum() < 0 || perUnit.signum() < 0 || minimum.signum() < 0) {
      throw new IllegalArgumentException(
          "commission terms must be >= 0: rateBps="
              + rateBps
              + " perUnit="
              + perUnit
              + " minimum="
              + minimum);
    }
  }

  /** The fee of one fill of {@code quantity} at {@code price}. */
  public BigDecimal commission(BigDecimal quantity, BigDecimal price) {
    // A zero term adds nothing (it changes at most the scale, which the rounding to SCALE places
    // fixes anyway), so it is skipped: most schedules have only one of the two, and this runs for
    // every fill.
    BigDecimal variable =
        rateBps.signum() == 0
            ? BigDecimal.ZERO
            : quantity.multiply(price).multiply(Precision.bpsToFraction(rateBps));
    if (perUnit.signum() != 0) {
      variable = variable.add(quantity.multiply(perUnit));
    }
    return Precision.round(variable.max(minimum));
  }
}
