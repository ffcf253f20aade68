package io.tickstream.signals;

import io.tickstream.signals.bars.Bar;
import java.util.Objects;

/**
 * A strategy's view after one closed bar: the position it wants and how strongly.
 *
 * @param instrumentId instrument, SYMBOL.VENUE
 * @param strategyId the strategy that computed it
 * @param direction the wanted position
 * @param strength confidence in [0, 1]; 0 while warming up
 * @param reason human-readable why, with the values that decided
 * @param barSpec spec of the bar it was computed on
 * @param barStart start of that bar, epoch nanoseconds
 * @param barEnd end (exclusive) of that bar, epoch nanoseconds
 */
public record Signal(
    String instrumentId,
    String strategyId,
    Direction direction,
    double strength,
    String reason,
    String barSpec,
    long barStart,
    long barEnd) {

  public Signal {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(strategyId, "strategyId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(barSpec, "barSpec");
    if (!(strength >= 0.0 && strength <= 1.0)) {
      throw new IllegalArgumentException("signal strength must be in [0, 1]: " + strength);
    }
  }

  /** A signal computed on {@code bar}. */
  public static Signal of(
      Bar bar, String strategyId, Direction direction, double strength, String reason) {
    return new Signal(
        bar.instrumentId(),
        strategyId,
        direction,
        strength,
        reason,
        bar.spec(),
        bar.start(),
        bar.end());
  }
}
