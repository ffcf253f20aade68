package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Event-time bars of one instrument at one {@link TimeBarSpec}, driven by a watermark.
 *
 * <p>Trades may arrive in any order. A bar [start, end) is emitted (revision 0) once the watermark
 * reaches {@code end}. A trade for an emitted bar that arrives while {@code watermark < end +
 * allowedLateness} revises it: the bar is emitted again with {@code revision + 1} (see {@link
 * BarAccumulator#revise}). Later trades are not folded in; {@link #add} reports them as {@link
 * Outcome.Kind#DROPPED} so the caller can route them to a side output rather than lose them
 * silently.
 */
public final class TimeBarAggregator {
  private final String instrumentId;
  private final TimeBarSpec spec;
  private final long allowedLatenessNanos;
  private final TreeMap<Long, BarAccumulator> open = new TreeMap<>();
  private final TreeMap<Long, Bar> emitted = new TreeMap<>();
  private final TreeMap<Long, BarAccumulator> retained = new TreeMap<>();
  private long watermark = Long.MIN_VALUE;

  /** What became of one trade. */
  public record Outcome(Kind kind, Bar revised) {
    /** Where the trade went. */
    public enum Kind {
      /** Into a bar not yet emitted. */
      OPEN,
      /** Into an emitted bar, which is returned as {@link Outcome#revised}. */
      REVISED,
      /** Too late: its bar is past the allowed lateness and was not changed. */
      DROPPED
    }
  }

  /**
   * @param allowedLatenessNanos how long after a bar's end (in watermark time) it may still be
   *     revised; 0 means never
   */
  public TimeBarAggregator(String instrumentId, TimeBarSpec spec, long allowedLatenessNanos) {
    this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    this.spec = Objects.requireNonNull(spec, "spec");
    if (allowedLatenessNanos < 0) {
      throw new IllegalArgumentException("allowed lateness must be >= 0: " + allowedLatenessNanos);
    }
    this.allowedLatenessNanos = allowedLatenessNanos;
  }

  /** Adds one trade; see {@link Outcome}. */
  public Outcome add(long tsEvent, BigDecimal price, BigDecimal size) {
    long start = spec.startOf(tsEvent);
    long end = start + spec.sizeNanos();
    if (end > watermark) {
      open.computeIfAbsent(start, s -> new BarAccumulator()).add(tsEvent, price, size);
      return new Outcome(Outcome.Kind.OPEN, null);
    }
    BarAccumulator acc = retained.get(start);
    if (acc != null && revisable(end)) {
      Bar revised = acc.revise(emitted.get(start), tsEvent, price, size);
      emitted.put(start, revised);
      return new Outcome(Outcome.Kind.REVISED, revised);
    }
    if (acc == null && revisable(end)) {
      // The first trade of an interval that was empty when the watermark passed it: there is
      // no earlier emission to revise, so this is the bar's first emission.
      BarAccumulator fresh = new BarAccumulator().add(tsEvent, price, size);
      Bar bar = fresh.toBar(instrumentId, spec.text(), start, end, 0);
      retained.put(start, fresh);
      emitted.put(start, bar);
      return new Outcome(Outcome.Kind.REVISED, bar);
    }
    return new Outcome(Outcome.Kind.DROPPED, null);
  }

  /**
   * Advances event time: emits, in start order, every open bar whose end is at or before {@code
   * newWatermark}, and forgets bars past the allowed lateness. A watermark never goes back; a
   * smaller value is ignored.
   */
  public List<Bar> advanceWatermark(long newWatermark) {
    if (newWatermark <= watermark) {
      return List.of();
    }
    watermark = newWatermark;
    List<Bar> out = new ArrayList<>();
    while (!open.isEmpty()) {
      Map.Entry<Long, BarAccumulator> first = open.firstEntry();
      long start = first.getKey();
      long end = start + spec.sizeNanos();
      if (end > watermark) {
        break;
      }
      open.pollFirstEntry();
      Bar bar = first.getValue().toBar(instrumentId, spec.text(), start, end, 0);
      out.add(bar);
      if (revisable(end)) {
        retained.put(start, first.getValue());
        emitted.put(start, bar);
      }
    }
    while (!retained.isEmpty() && !revisable(retained.firstKey() + spec.sizeNanos())) {
      long start = retained.pollFirstEntry().getKey();
      emitted.remove(start);
    }
    return out;
  }

  // Called only for bars with end <= watermark, so the difference cannot overflow.
  private boolean revisable(long end) {
    return watermark - end < allowedLatenessNanos;
  }

  /** The current watermark. */
  public long watermark() {
    return watermark;
  }

  /** Number of bars kept for possible revision (bounded by the allowed lateness). */
  public int retainedBars() {
    return retained.size();
  }
}
