package io.tickstream.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The open time bars of one instrument at every resolution, kept by {@link BarAggregator} as one
 * keyed state value: a trade costs one state read and one write whatever the number of resolutions
 * (it was one map read and one map write per resolution, the job's top cost).
 *
 * <p>Per resolution (identified by its spec text, so that adding or removing a resolution keeps the
 * others' bars after a restore) a short list of bars by start: the bar being built and, within the
 * allowed lateness, closed bars that may still be revised. A bar has an accumulator when it took
 * trades and the revision last emitted ({@link #NOT_EMITTED} before its first emission; a flat
 * carried-forward bar has a revision and no accumulator).
 */
final class OpenTimeBars {
  /** The revision of a bar not emitted yet. */
  static final int NOT_EMITTED = -1;

  /** One bar: its start in ms, its accumulator (or null), its last emitted revision. */
  static final class Slot {
    final long startMillis;
    LongBarAccumulator acc;
    int lastRevision = NOT_EMITTED;

    Slot(long startMillis) {
      this.startMillis = startMillis;
    }
  }

  private String[] specs;
  private List<Slot>[] slots;

  @SuppressWarnings("unchecked")
  OpenTimeBars(String[] specs) {
    this.specs = specs;
    this.slots = new List[specs.length];
  }

  String[] specs() {
    return specs;
  }

  /** The bars of resolution {@code i}, or null when it has none. */
  List<Slot> slots(int i) {
    return slots[i];
  }

  void setSlots(int i, List<Slot> list) {
    slots[i] = list;
  }

  /** The bar of resolution {@code i} starting at {@code startMillis}, or null. */
  Slot find(int i, long startMillis) {
    List<Slot> list = slots[i];
    if (list != null) {
      for (int k = 0, n = list.size(); k < n; k++) {
        Slot s = list.get(k);
        if (s.startMillis == startMillis) {
          return s;
        }
      }
    }
    return null;
  }

  /** The bar of resolution {@code i} starting at {@code startMillis}, created when absent. */
  Slot findOrAdd(int i, long startMillis) {
    Slot s = find(i, startMillis);
    if (s == null) {
      s = new Slot(startMillis);
      if (slots[i] == null) {
        slots[i] = new ArrayList<>(2);
      }
      slots[i].add(s);
    }
    return s;
  }

  /** Drops the bar of resolution {@code i} starting at {@code startMillis}; true if one was. */
  boolean remove(int i, long startMillis) {
    List<Slot> list = slots[i];
    if (list == null) {
      return false;
    }
    boolean removed = list.removeIf(s -> s.startMillis == startMillis);
    if (list.isEmpty()) {
      slots[i] = null;
    }
    return removed;
  }

  boolean isEmpty() {
    for (List<Slot> list : slots) {
      if (list != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lays the bars out for the operator's resolutions {@code target} (compared by text): after a
   * restore the stored order may differ, or a resolution may have been added or removed (its bars
   * are dropped). A no-op when already laid out for the same array.
   */
  @SuppressWarnings("unchecked")
  void alignTo(String[] target) {
    if (specs == target) {
      return;
    }
    if (!Arrays.equals(specs, target)) {
      List<Slot>[] aligned = new List[target.length];
      for (int t = 0; t < target.length; t++) {
        for (int s = 0; s < specs.length; s++) {
          if (specs[s].equals(target[t])) {
            aligned[t] = slots[s];
          }
        }
      }
      slots = aligned;
    }
    specs = target;
  }

  /** A deep copy, for the state serializer. */
  OpenTimeBars copy() {
    OpenTimeBars c = new OpenTimeBars(specs);
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        List<Slot> list = new ArrayList<>(slots[i].size());
        for (Slot s : slots[i]) {
          Slot d = new Slot(s.startMillis);
          d.acc = s.acc == null ? null : s.acc.copy();
          d.lastRevision = s.lastRevision;
          list.add(d);
        }
        c.slots[i] = list;
      }
    }
    return c;
  }
}
