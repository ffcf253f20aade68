package io.tickstream.ingest.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of the values of a CSV row, with errors that name the column and the value. */
final class CsvValues {
  private static final int SCALE = 8;

  private CsvValues() {}

  /**
   * An exact decimal with at most 8 decimal places (the scale of every price and size on the wire),
   * returned at scale 8. Signs are kept: judging a non-positive price is the validator's job.
   */
  static BigDecimal decimal(String column, String value) throws MalformedRowException {
    BigDecimal d;
    try {
      d = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new MalformedRowException(column + " '" + value + "' is not a finite decimal number");
    }
    try {
      return d.setScale(SCALE, java.math.RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new MalformedRowException(
          column + " '" + value + "' has more than " + SCALE + " decimal places");
    }
  }

  /**
   * Event time in epoch nanoseconds from either a whole number of epoch nanoseconds or an ISO-8601
   * instant such as {@code 2026-01-02T15:00:00.123456789Z}.
   */
  static long timestampNanos(String column, String value) throws MalformedRowException {
    if (!value.isEmpty() && Character.isDigit(value.charAt(value.length() - 1))) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new MalformedRowException(
            column + " '" + value + "' is neither epoch nanoseconds nor an ISO-8601 instant");
      }
    }
    try {
      Instant i = Instant.parse(value);
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new MalformedRowException(
          column + " '" + value + "' is neither epoch nanoseconds nor an ISO-8601 instant");
    }
  }

  /** Whole seconds since the epoch, as nanoseconds. */
  static long epochSecondsAsNanos(String column, String value) throws MalformedRowException {
    try {
      return Math.multiplyExact(Long.parseLong(value), 1_000_000_000L);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MalformedRowException(column + " '" + value + "' is not whole epoch seconds");
    }
  }

  static String required(String column, String value) throws MalformedRowException {
    if (value.isEmpty()) {
      throw new MalformedRowException(column + " is empty");
    }
    return value;
  }
}
