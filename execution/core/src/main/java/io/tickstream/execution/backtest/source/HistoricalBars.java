package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bars held in memory in {@link BarSource} order, for runs that read the same data many times
 * (parameter sweeps, walk-forward windows). Immutable, so one instance is safely shared by parallel
 * runs; each {@link #source} is a fresh cursor.
 */
public final class HistoricalBars {

  private final List<Bar> bars;

  private HistoricalBars(List<Bar> sorted) {
    this.bars = sorted;
  }

  /** The bars, sorted into source order (their given order does not matter). */
  public static HistoricalBars of(Collection<Bar> bars) {
    List<Bar> sorted = new ArrayList<>(bars);
    sorted.sort(BarSource::compare);
    return new HistoricalBars(List.copyOf(sorted));
  }

  /** Everything {@code source} delivers; closes it. */
  public static HistoricalBars load(BarSource source) {
    try (source) {
      List<Bar> all = new ArrayList<>();
      source.forEachRemaining(all::add);
      return new HistoricalBars(List.copyOf(all));
    }
  }

  /** All bars, in order. */
  public List<Bar> bars() {
    return bars;
  }

  /** The instrument ids present, sorted. */
  public List<String> instruments() {
    TreeSet<String> ids = new TreeSet<>();
    bars.forEach(b -> ids.add(b.instrumentId()));
    return List.copyOf(ids);
  }

  /** Bars of the given instruments only. */
  public HistoricalBars only(Collection<String> instrumentIds) {
    Set<String> ids = Set.copyOf(instrumentIds);
    return new HistoricalBars(bars.stream().filter(b -> ids.contains(b.instrumentId())).toList());
  }

  /** Bars ending in {@code [fromEnd, toEnd)}, epoch nanoseconds. */
  public HistoricalBars between(long fromEnd, long toEnd) {
    return new HistoricalBars(
        bars.stream().filter(b -> b.end() >= fromEnd && b.end() < toEnd).toList());
  }

  /** End of the first bar; throws when empty. */
  public long firstEnd() {
    return bars.get(0).end();
  }

  /** End of the last bar; throws when empty. */
  public long lastEnd() {
    return bars.get(bars.size() - 1).end();
  }

  /** Number of bars. */
  public int size() {
    return bars.size();
  }

  /** A new cursor over the bars. */
  public BarSource source() {
    return new BarSource() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < bars.size();
      }

      @Override
      public Bar next() {
        if (next >= bars.size()) {
          throw new NoSuchElementException();
        }
        return bars.get(next++);
      }

      @Override
      public void close() {}
    };
  }
}
