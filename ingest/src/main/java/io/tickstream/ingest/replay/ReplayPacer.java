package io.tickstream.ingest.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds each tick back until its moment in a replay at {@code speed}× real time: a tick whose event
 * time is {@code d} after the first tick's is released {@code d / speed} after the first was. So
 * relative timing is preserved (10× compresses every gap tenfold); ticks out of order or late are
 * released at once. Speed 0 means as fast as possible.
 */
public final class ReplayPacer {
  /** Waits; the real one parks the thread. */
  public interface Sleeper {
    void sleepNanos(long nanos);
  }

  private final double speed;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private boolean anchored;
  private long firstEvent;
  private long firstWall;

  /**
   * @param speed replay speed: 1 = real time, 10 = ten times faster, 0 = as fast as possible
   * @param nanoTime a monotonic clock ({@link System#nanoTime} outside tests)
   * @param sleeper how to wait
   */
  public ReplayPacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a number >= 0 (0 = max), got " + speed);
    }
    this.speed = speed;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** A pacer on the system's monotonic clock. */
  public static ReplayPacer realTime(double speed) {
    return new ReplayPacer(speed, System::nanoTime, LockSupport::parkNanos);
  }

  /** Whether this pacer never waits. */
  public boolean unpaced() {
    return speed == 0;
  }

  /** Returns when the tick with event time {@code tsEventNanos} is due. */
  public void await(long tsEventNanos) {
    if (speed == 0) {
      return;
    }
    if (!anchored) {
      anchored = true;
      firstEvent = tsEventNanos;
      firstWall = nanoTime.getAsLong();
      return;
    }
    long due = firstWall + (long) ((tsEventNanos - firstEvent) / speed);
    long wait;
    while ((wait = due - nanoTime.getAsLong()) > 0 && !Thread.currentThread().isInterrupted()) {
      sleeper.sleepNanos(wait);
    }
  }
}
