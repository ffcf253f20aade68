package io.tickstream.ingest.binance;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff between reconnection attempts: {@code initial · 2^n}, capped at {@code max},
 * each delay spread by ±20 % jitter so many clients do not reconnect in lockstep. {@link #reset()}
 * once a connection proved healthy.
 */
public final class ReconnectBackoff {
  private final long initialNanos;
  private final long maxNanos;
  private final DoubleSupplier random;
  private int attempts;

  /**
   * @param initial delay before the first retry
   * @param max the longest delay
   * @param random uniform numbers in [0, 1) for the jitter
   */
  public ReconnectBackoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The delay before the next attempt; each call doubles the base until the cap. */
  public Duration next() {
    double base = Math.min((double) maxNanos, initialNanos * Math.pow(2, Math.min(attempts, 40)));
    attempts++;
    double jittered = base * (0.8 + 0.4 * random.getAsDouble());
    return Duration.ofNanos((long) Math.min(maxNanos, jittered));
  }

  /** Attempts since the last reset. */
  public int attempts() {
    return attempts;
  }

  /** Starts again from the initial delay. */
  public void reset() {
    attempts = 0;
  }
}
