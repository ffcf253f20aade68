package io.tickstream.ingest.cli;

import java.time.Instant;

/** The wall clock in epoch nanoseconds, for {@code tsInit}. */
final class EpochClock {
  private EpochClock() {}

  static long nowNanos() {
    Instant i = Instant.now();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
