package io.tickstream.signals.bars;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time resolution for bars, aligned to the UTC epoch: {@code <n><unit>} with unit s, m, h or d
 * (e.g. 1s, 1m, 5m, 1h, 1d). A bar covers [start, start + size).
 *
 * @param text the canonical text form, as it appears on the wire
 * @param sizeNanos the interval length in nanoseconds
 */
public record TimeBarSpec(String text, long sizeNanos) {
  private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

  public TimeBarSpec {
    Objects.requireNonNull(text, "text");
    if (sizeNanos <= 0) {
      throw new IllegalArgumentException("bar size must be positive: " + text);
    }
  }

  /**
   * Parses {@code 1s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, ...
   *
   * @throws IllegalArgumentException naming the text and the accepted form
   */
  public static TimeBarSpec parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bar spec '" + text + "' is not <n><unit> with unit s, m, h or d (e.g. 1s, 1m, 5m, 1h)");
    }
    long n = Long.parseLong(m.group(1));
    Duration unit =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(1);
          case "m" -> Duration.ofMinutes(1);
          case "h" -> Duration.ofHours(1);
          default -> Duration.ofDays(1);
        };
    try {
      return new TimeBarSpec(n + m.group(2), unit.multipliedBy(n).toNanos());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "bar spec '" + text + "' is longer than the ~292 years nanoseconds can hold", e);
    }
  }

  /** Start of the bar that contains {@code tsNanos} (floor to the size, aligned to the epoch). */
  public long startOf(long tsNanos) {
    return Math.floorDiv(tsNanos, sizeNanos) * sizeNanos;
  }

  /** End (exclusive) of the bar that contains {@code tsNanos}. */
  public long endOf(long tsNanos) {
    return startOf(tsNanos) + sizeNanos;
  }

  /** The interval length. */
  public Duration size() {
    return Duration.ofNanos(sizeNanos);
  }

  @Override
  public String toString() {
    return text;
  }
}
