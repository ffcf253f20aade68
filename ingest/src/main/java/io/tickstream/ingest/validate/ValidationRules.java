package io.tickstream.ingest.validate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunable limits of the validation rules.
 *
 * @param futureTolerance how far {@code tsEvent} may be ahead of the validator's clock; a tick
 *     exactly at the tolerance is accepted
 * @param duplicateWindow how long (in record time) an accepted trade id is remembered to reject its
 *     duplicates
 * @param badPrintBand the half-width of the accepted price band around the reference price, as a
 *     fraction (0.10 = ±10 %); a price exactly on the band edge is accepted
 * @param referenceWindow how many recent accepted trade prices per instrument form the reference
 *     (their median)
 * @param referenceMinSamples how many accepted prices an instrument needs before the band applies
 */
public record ValidationRules(
    Duration futureTolerance,
    Duration duplicateWindow,
    BigDecimal badPrintBand,
    int referenceWindow,
    int referenceMinSamples) {

  public ValidationRules {
    Objects.requireNonNull(futureTolerance, "futureTolerance");
    Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    Objects.requireNonNull(badPrintBand, "badPrintBand");
    if (futureTolerance.isNegative()) {
      throw new IllegalArgumentException("futureTolerance must be >= 0, got " + futureTolerance);
    }
    if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException("duplicateWindow must be > 0, got " + duplicateWindow);
    }
    if (badPrintBand.signum() <= 0) {
      throw new IllegalArgumentException("badPrintBand must be > 0, got " + badPrintBand);
    }
    if (referenceWindow < 1 || referenceMinSamples < 1 || referenceMinSamples > referenceWindow) {
      throw new IllegalArgumentException(
          "need 1 <= referenceMinSamples <= referenceWindow, got "
              + referenceMinSamples
              + " and "
              + referenceWindow);
    }
  }

  /** 5 s future tolerance, 10 min duplicate window, ±10 % around the median of the last 21. */
  public static ValidationRules defaults() {
    return new ValidationRules(
        Duration.ofSeconds(5), Duration.ofMinutes(10), new BigDecimal("0.10"), 21, 5);
  }

  /** {@link #futureTolerance()} in nanoseconds. */
  public long futureToleranceNanos() {
    return futureTolerance.toNanos();
  }
}
