package io.tickstream.execution.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Account equity (or a benchmark's level) at one time.
 *
 * @param tsEvent epoch nanoseconds
 * @param value equity or index level, {@code > 0}
 */
public record EquityPoint(long tsEvent, BigDecimal value) {

  public EquityPoint {
    Objects.requireNonNull(value, "value");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("equity must be > 0 for returns, got " + value);
    }
  }
}
