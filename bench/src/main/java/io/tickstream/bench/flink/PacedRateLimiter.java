package io.tickstream.bench.flink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A rate limiter that spaces records evenly: record k of a reader is released at {@code start + k ×
 * interval}, waiting on the reader's own thread. Why not Flink's {@code
 * RateLimiterStrategy.perSecond}: it hands every record to another thread (Guava's bursty limiter
 * behind {@code CompletableFuture.runAsync}), which costs a thread hop per record and, after any
 * stall, releases up to a second's worth of stored permits at once — bursts that the latency run
 * would measure as queueing, not as the job's latency. Here a reader that falls behind catches up
 * by at most {@link #MAX_LAG_NANOS} (timer slack makes short waits overshoot, so some catching up
 * keeps the average rate); behind by more (a GC pause, a busy box), it resumes the schedule from
 * now.
 *
 * <p>Waiting blocks the source task for at most one interval (40 µs at 25,000 records/s per
 * reader), which delays its mailbox actions (checkpoint triggers) by as much: fine for a bench.
 */
final class PacedRateLimiter<S extends SourceSplit> implements RateLimiter<S> {
  private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

  /** How far behind schedule a reader may release records without waiting: 1 ms. */
  static final long MAX_LAG_NANOS = 1_000_000L;

  private final long intervalNanos;
  private long due = Long.MIN_VALUE;

  PacedRateLimiter(double perSecond) {
    this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
  }

  /** A strategy giving each of the source's readers an equal share of {@code perSecond}. */
  static <S extends SourceSplit> RateLimiterStrategy<S> perSecond(double perSecond) {
    return parallelism -> new PacedRateLimiter<>(perSecond / parallelism);
  }

  @Override
  public CompletionStage<Void> acquire(int permits) {
    long now = System.nanoTime();
    if (due == Long.MIN_VALUE || now - due > MAX_LAG_NANOS) {
      due = now; // the first record, or far behind: no burst to catch up
    }
    long wait = due - now;
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    due += permits * intervalNanos;
    return NOW;
  }
}
