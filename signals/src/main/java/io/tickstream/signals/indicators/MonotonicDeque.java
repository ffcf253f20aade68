package io.tickstream.signals.indicators;

/**
 * Running maximum (or minimum) of the last {@code period} values, O(1) amortised: a deque of
 * candidates with decreasing (increasing) values; a value is dropped from the back when a newer one
 * dominates it, and from the front when it leaves the window. Each value enters and leaves once.
 */
public final class MonotonicDeque {
  private final int period;
  private final boolean max;
  private final long[] seqs;
  private final double[] vals;
  private int head;
  private int size;
  private long seq;

  /**
   * @param seqs input sequence numbers of the candidates, front to back
   * @param values their values
   * @param seq sequence number of the next input
   */
  public record State(long[] seqs, double[] values, long seq) {
    public State {
      seqs = seqs.clone();
      values = values.clone();
    }

    @Override
    public long[] seqs() {
      return seqs.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /** A running maximum over {@code period} values. */
  public static MonotonicDeque max(int period) {
    return new MonotonicDeque(period, true);
  }

  /** A running minimum over {@code period} values. */
  public static MonotonicDeque min(int period) {
    return new MonotonicDeque(period, false);
  }

  private MonotonicDeque(int period, boolean max) {
    this.period = StateChecks.period("monotonic deque", "period", period, 1);
    this.max = max;
    this.seqs = new long[period];
    this.vals = new double[period];
  }

  /** Adds {@code x} and returns the extreme of the window. */
  public double add(double x) {
    // Evict first, so the deque never holds more than period candidates.
    if (size > 0 && seqs[head] <= seq - period) {
      head = head + 1 == period ? 0 : head + 1;
      size--;
    }
    while (size > 0) {
      double back = vals[index(size - 1)];
      if (max ? back <= x : back >= x) {
        size--;
      } else {
        break;
      }
    }
    int at = index(size);
    seqs[at] = seq;
    vals[at] = x;
    size++;
    seq++;
    return vals[head];
  }

  private int index(int i) {
    int idx = head + i;
    return idx >= period ? idx - period : idx;
  }

  /** The extreme of the window, NaN before the first value. */
  public double value() {
    return size == 0 ? Double.NaN : vals[head];
  }

  public State snapshot() {
    long[] s = new long[size];
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      s[i] = seqs[index(i)];
      v[i] = vals[index(i)];
    }
    return new State(s, v, seq);
  }

  public void restore(State state) {
    long[] s = state.seqs;
    if (s.length > period) {
      throw new IllegalArgumentException(
          "deque over " + period + " values cannot hold " + s.length + " candidates");
    }
    double[] v = state.values;
    head = 0;
    size = s.length;
    System.arraycopy(s, 0, seqs, 0, s.length);
    System.arraycopy(v, 0, vals, 0, v.length);
    seq = state.seq;
  }
}
