package io.tickstream.signals;

import java.util.Objects;

/**
 * The text of a signal's reason, built only when someone reads it. A strategy decides on every bar,
 * but only some signals are ever shown or published (a backtest reads none of them); formatting the
 * numbers of every decision used to cost more than all the indicator updates together.
 *
 * <p>An implementation must capture the values it prints when it is created (locals, final fields),
 * never read state that changes later: the text must be the same whenever it is built.
 */
@FunctionalInterface
public interface Reason {

  /**
   * The text; called when the signal's reason is first read (two threads reading it at once may
   * both call it, so it must give the same text every time).
   */
  String text();

  /** A reason whose text is already known. */
  static Reason of(String text) {
    Objects.requireNonNull(text, "text");
    return () -> text;
  }
}
