package io.tickstream.signals.indicators;

/** Argument checks shared by indicator constructors and restores. */
final class StateChecks {
  private StateChecks() {}

  static int period(String indicator, String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          indicator + " " + name + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  static void sameParameters(String indicator, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          "cannot restore "
              + indicator
              + " state taken with "
              + actual
              + " into an indicator with "
              + expected);
    }
  }
}
