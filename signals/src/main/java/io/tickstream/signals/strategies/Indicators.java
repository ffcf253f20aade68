package io.tickstream.signals.strategies;

import io.tickstream.signals.indicators.Indicator;

/** Restoring an indicator whose state type is only known at run time. */
final class Indicators {
  private Indicators() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void restore(Indicator<?> indicator, Record state) {
    Record current = indicator.snapshot();
    if (state == null || current.getClass() != state.getClass()) {
      throw new IllegalArgumentException(
          "expected a "
              + current.getClass().getName()
              + " state, got "
              + (state == null ? "null" : state.getClass().getName()));
    }
    ((Indicator) indicator).restore(state);
  }
}
