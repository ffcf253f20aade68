package io.tickstream.execution.sizing;

import io.tickstream.execution.Precision;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A capped, scaled Kelly fraction of equity.
 *
 * <p>The Kelly criterion for a bet that wins {@code b} times the stake with probability {@code p}
 * and loses the stake otherwise is {@code f* = p - (1 - p) / b} (Kelly, "A New Interpretation of
 * Information Rate", Bell System Technical Journal 35(4), 1956; Thorp, "The Kelly Criterion in
 * Blackjack, Sports Betting and the Stock Market", 2006, eq. 3.3). Estimation error in {@code p}
 * and {@code b} makes full Kelly dangerous, so the fraction used is {@code min(cap, multiplier *
 * max(0, f*))}, and {@code quantity = floor_lots(equity * fraction / price)}. {@code f*} is
 * computed at {@link Precision#SCALE} places.
 *
 * @param winProbability p, in (0, 1)
 * @param payoffRatio b: average win divided by average loss, {@code > 0}
 * @param multiplier share of Kelly to bet, in (0, 1], e.g. 0.5 for half Kelly
 * @param cap largest fraction of equity ever used, in (0, 1]
 */
public record CappedKellySizer(
    BigDecimal winProbability, BigDecimal payoffRatio, BigDecimal multiplier, BigDecimal cap)
    implements PositionSizer {

  public CappedKellySizer {
    Objects.requireNonNull(winProbability, "winProbability");
    Objects.requireNonNull(payoffRatio, "payoffRatio");
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(cap, "cap");
    if (winProbability.signum() <= 0 || winProbability.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("winProbability must be in (0, 1), got " + winProbability);
    }
    if (payoffRatio.signum() <= 0) {
      throw new IllegalArgumentException("payoffRatio must be > 0, got " + payoffRatio);
    }
    if (multiplier.signum() <= 0 || multiplier.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("multiplier must be in (0, 1], got " + multiplier);
    }
    if (cap.signum() <= 0 || cap.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("cap must be in (0, 1], got " + cap);
    }
  }

  /** The fraction of equity used: {@code min(cap, multiplier * max(0, p - (1 - p) / b))}. */
  public BigDecimal fraction() {
    BigDecimal kelly =
        winProbability.subtract(
            Precision.divide(BigDecimal.ONE.subtract(winProbability), payoffRatio));
    // A negative edge means "do not bet", never "bet the other way": direction is the signal's.
    return kelly.max(BigDecimal.ZERO).multiply(multiplier).min(cap);
  }

  @Override
  public BigDecimal quantity(SizingInput input) {
    return PositionSizer.lotsWithin(input, input.equity().multiply(fraction()), input.price());
  }
}
