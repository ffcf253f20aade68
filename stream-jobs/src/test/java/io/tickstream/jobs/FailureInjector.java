package io.tickstream.jobs;

import io.tickstream.schemas.avro.TradeTick;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A pass-through map that throws at seeded random points: after each checkpoint that completes
 * since the previous failure, it arms a failure a random number of records later. Counters are
 * static, shared by the subtasks of a MiniCluster in this JVM and surviving restarts.
 */
final class FailureInjector implements MapFunction<TradeTick, TradeTick>, CheckpointListener {
  private static final long serialVersionUID = 1L;
  private static final long DISARMED = Long.MAX_VALUE;

  static final AtomicInteger FAILURES = new AtomicInteger();
  private static final AtomicLong PROCESSED = new AtomicLong();
  private static final AtomicLong FAIL_AT = new AtomicLong(DISARMED);
  private static final AtomicLong LAST_CHECKPOINT = new AtomicLong();
  private static final AtomicLong CHECKPOINT_AT_FAILURE = new AtomicLong(-1);
  private static volatile long[] offsets = new long[0];

  /** Arms {@code failures} failures, each 1 to {@code maxOffset} records after a checkpoint. */
  static void reset(long seed, int failures, int maxOffset) {
    Random random = new Random(seed);
    long[] o = new long[failures];
    for (int i = 0; i < failures; i++) {
      o[i] = 1 + random.nextInt(maxOffset);
    }
    offsets = o;
    FAILURES.set(0);
    PROCESSED.set(0);
    FAIL_AT.set(DISARMED);
    LAST_CHECKPOINT.set(0);
    CHECKPOINT_AT_FAILURE.set(-1);
  }

  @Override
  public TradeTick map(TradeTick trade) {
    long p = PROCESSED.incrementAndGet();
    long at = FAIL_AT.get();
    if (p >= at && FAIL_AT.compareAndSet(at, DISARMED)) {
      int n = FAILURES.incrementAndGet();
      CHECKPOINT_AT_FAILURE.set(LAST_CHECKPOINT.get());
      throw new IllegalStateException("injected failure #" + n + " at record " + p);
    }
    return trade;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    LAST_CHECKPOINT.accumulateAndGet(checkpointId, Math::max);
    int n = FAILURES.get();
    // Only a checkpoint newer than the last failure arms the next one.
    if (n < offsets.length && checkpointId > CHECKPOINT_AT_FAILURE.get()) {
      FAIL_AT.compareAndSet(DISARMED, PROCESSED.get() + offsets[n]);
    }
  }
}
