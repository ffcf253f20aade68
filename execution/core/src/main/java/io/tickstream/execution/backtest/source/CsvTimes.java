package io.tickstream.execution.backtest.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Time fields of bar files: ISO-8601 text or epoch numbers, to epoch nanoseconds. */
final class CsvTimes {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private CsvTimes() {}

  /** See {@link CsvBarSource} for the accepted forms. */
  static long parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing time");
    }
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(text);
      // The magnitudes of "now" in each unit are 10^9, 10^12, 10^15 and 10^18: the thresholds
      // between them are unambiguous for any date between 1973 and 2286.
      if (n < 100_000_000_000L) {
        return Math.multiplyExact(n, NANOS_PER_SECOND);
      } else if (n < 100_000_000_000_000L) {
        return Math.multiplyExact(n, 1_000_000L);
      } else if (n < 100_000_000_000_000_000L) {
        return Math.multiplyExact(n, 1_000L);
      }
      return n;
    }
    Instant instant;
    if (text.length() == 10) {
      instant = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
      instant = java.time.OffsetDateTime.parse(text).toInstant();
    } else {
      instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }
}
