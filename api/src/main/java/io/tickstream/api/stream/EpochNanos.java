package io.tickstream.api.stream;

import java.time.Instant;

/** Avro's epoch-nanosecond times as the ISO-8601 UTC text of the REST routes. */
final class EpochNanos {
  private EpochNanos() {}

  /** {@code epochNanos} as an ISO instant, e.g. {@code 2026-01-01T00:01:00Z}. */
  static String iso(long epochNanos) {
    return Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
        .toString();
  }
}
