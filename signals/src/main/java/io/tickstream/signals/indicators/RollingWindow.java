package io.tickstream.signals.indicators;

import java.util.Arrays;

/**
 * The last {@code capacity} values, oldest first, in a ring buffer. A building block of the rolling
 * indicators; its state is the values in arrival order.
 */
public final class RollingWindow {
  private final double[] ring;
  private int head;
  private int count;

  public RollingWindow(int capacity) {
    this.ring = new double[StateChecks.period("window", "capacity", capacity, 1)];
  }

  /**
   * Appends {@code x}.
   *
   * @return the value that fell out, or NaN while the window was not yet full
   */
  public double push(double x) {
    double evicted = count == ring.length ? ring[head] : Double.NaN;
    ring[head] = x;
    head = head + 1 == ring.length ? 0 : head + 1;
    if (count < ring.length) {
      count++;
    }
    return evicted;
  }

  /** The {@code i}-th value, 0 = oldest. */
  public double get(int i) {
    int idx = head - count + i;
    return ring[idx < 0 ? idx + ring.length : idx];
  }

  public int size() {
    return count;
  }

  public int capacity() {
    return ring.length;
  }

  public boolean isFull() {
    return count == ring.length;
  }

  /** The values, oldest first (a copy). */
  public double[] toArray() {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = get(i);
    }
    return out;
  }

  /** Replaces the contents with {@code values}, oldest first. */
  public void load(double[] values) {
    if (values.length > ring.length) {
      throw new IllegalArgumentException(
          "window holds " + ring.length + " values, state has " + values.length);
    }
    Arrays.fill(ring, 0.0);
    System.arraycopy(values, 0, ring, 0, values.length);
    count = values.length;
    head = count == ring.length ? 0 : count;
  }
}
