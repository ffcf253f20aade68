package io.tickstream.sink;

import java.time.Duration;

/**
 * Exponential backoff between retries of a batch: {@code min}, doubling per attempt, capped at
 * {@code max}.
 */
record RetryBackoff(Duration min, Duration max) {

  RetryBackoff {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
    }
  }

  /** The pause before retry number {@code attempt} (0 for the first retry). */
  Duration delay(int attempt) {
    int shift = Math.min(attempt, 30);
    long millis = min.toMillis() << shift;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
