package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.TimeBarAggregator;
import io.tickstream.signals.bars.TimeBarSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Time bars built from trades with the same aggregator the live Flink job uses ({@link
 * TimeBarAggregator}), so a backtest over raw trades sees the bars live trading would have seen.
 *
 * <p>The trades must be in time order across instruments (a historical file or a query ordered by
 * time); then the time of each trade is a watermark for all instruments, and a bar is complete as
 * soon as a trade at or after its end arrives. An earlier trade than the previous one fails with
 * {@link IllegalStateException}. Intervals without trades give no bar.
 */
public final class TradeBarSource implements BarSource {

  private final Iterator<HistoricalTrade> trades;
  private final TimeBarSpec spec;
  private final Map<String, TimeBarAggregator> aggregators = new TreeMap<>();
  private final Deque<Bar> ready = new ArrayDeque<>();
  private long lastTs = Long.MIN_VALUE;
  private long openInterval = Long.MIN_VALUE;
  private boolean drained;

  /**
   * @param trades time-ordered trades; closed with this source when it is {@link AutoCloseable}
   * @param spec the bar interval, e.g. {@code TimeBarSpec.parse("1m")}
   */
  public TradeBarSource(Iterator<HistoricalTrade> trades, TimeBarSpec spec) {
    this.trades = trades;
    this.spec = spec;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !drained) {
      if (trades.hasNext()) {
        add(trades.next());
      } else {
        drained = true;
        emitUpTo(Long.MAX_VALUE);
      }
    }
    return !ready.isEmpty();
  }

  private void add(HistoricalTrade t) {
    if (t.tsEvent() < lastTs) {
      throw new IllegalStateException(
          "trade of "
              + t.instrumentId()
              + " at "
              + t.tsEvent()
              + " is before the previous one at "
              + lastTs
              + "; trades must be in time order");
    }
    lastTs = t.tsEvent();
    long interval = spec.startOf(t.tsEvent());
    if (interval != openInterval) {
      // A trade in a new interval completes every bar that ended by its time, of every
      // instrument: advancing only on interval changes keeps this O(instruments) per bar, not
      // per trade.
      emitUpTo(t.tsEvent());
      openInterval = interval;
    }
    aggregators
        .computeIfAbsent(t.instrumentId(), id -> new TimeBarAggregator(id, spec, 0))
        .add(t.tsEvent(), t.price(), t.size());
  }

  private void emitUpTo(long watermark) {
    List<Bar> bars = new ArrayList<>();
    for (TimeBarAggregator a : aggregators.values()) {
      bars.addAll(a.advanceWatermark(watermark));
    }
    bars.sort(BarSource::compare);
    ready.addAll(bars);
  }

  @Override
  public Bar next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  @Override
  public void close() {
    if (trades instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("closing the trade source failed", e);
      }
    }
  }
}
