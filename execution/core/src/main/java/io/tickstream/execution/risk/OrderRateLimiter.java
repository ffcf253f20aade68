package io.tickstream.execution.risk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Counts orders in a sliding window {@code (now - window, now]} with time passed in.
 *
 * <p>An order exactly {@code window} nanoseconds older than {@code now} has left the window. Times
 * are expected to be non-decreasing; an earlier time is tolerated and only counts conservatively
 * (orders recorded after it stay in the window longer).
 */
public final class OrderRateLimiter {

  private final int maxOrders;
  private final long windowNanos;
  private final Deque<Long> times = new ArrayDeque<>();

  /** A limiter of {@code maxOrders} per {@code windowNanos}. */
  public OrderRateLimiter(int maxOrders, long windowNanos) {
    if (maxOrders <= 0 || windowNanos <= 0) {
      throw new IllegalArgumentException(
          "maxOrders and windowNanos must be > 0, got " + maxOrders + ", " + windowNanos);
    }
    this.maxOrders = maxOrders;
    this.windowNanos = windowNanos;
  }

  /** Orders recorded within the window ending at {@code now}. */
  public int countAt(long now) {
    evict(now);
    return times.size();
  }

  /** True when one more order at {@code now} would stay within the limit. */
  public boolean allows(long now) {
    return countAt(now) < maxOrders;
  }

  /** Records an order at {@code now}. */
  public void record(long now) {
    evict(now);
    times.addLast(now);
  }

  /** Times of the orders recorded and not yet evicted, oldest first (for snapshots). */
  public List<Long> times() {
    return List.copyOf(times);
  }

  /** Replaces the recorded times with {@code recorded}, oldest first (restore of a snapshot). */
  public void restore(List<Long> recorded) {
    times.clear();
    times.addAll(recorded);
  }

  private void evict(long now) {
    // Subtraction instead of now - window <= t avoids overflow near Long.MIN_VALUE.
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.removeFirst();
    }
  }
}
