package io.tickstream.signals.strategies;

import io.tickstream.signals.Direction;

/**
 * The position a strategy holds and its exit levels, plus the end of the last bar it consumed.
 *
 * @param direction the held position
 * @param stop exit level against the position, NaN if none
 * @param target exit level in favour of the position, NaN if none
 * @param lastBarEnd end of the last bar consumed, {@link Long#MIN_VALUE} before the first
 * @param bars bars consumed
 */
public record Position(
    Direction direction, double stop, double target, long lastBarEnd, long bars) {
  static final Position INITIAL =
      new Position(Direction.FLAT, Double.NaN, Double.NaN, Long.MIN_VALUE, 0);
}
