package io.tickstream.api.limits;

import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets by key (a token or an IP): each holds up to {@code burst} tokens and
 * refills at {@code ratePerSecond}. Idle full buckets are dropped when the map grows past {@link
 * #MAX_KEYS}, so a flood of distinct keys cannot grow memory without bound.
 */
public final class TokenBuckets {
  static final int MAX_KEYS = 100_000;

  private final double ratePerNano;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }
  }

  /** Buckets of {@code burst} tokens refilled at {@code ratePerSecond}. */
  public TokenBuckets(double ratePerSecond, int burst) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
  }

  /**
   * Takes a token for {@code key} at {@code nowNanos}.
   *
   * @return 0 when allowed, else the nanoseconds until a token is available
   */
  public long take(String key, long nowNanos) {
    if (buckets.size() > MAX_KEYS) {
      evictFull(nowNanos);
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (nowNanos - b.updated) * ratePerNano);
      b.updated = nowNanos;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) / ratePerNano);
    }
  }

  private void evictFull(long nowNanos) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              Bucket b = e.getValue();
              synchronized (b) {
                return b.tokens + (nowNanos - b.updated) * ratePerNano >= burst;
              }
            });
  }
}
