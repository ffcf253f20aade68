package io.tickstream.jobs;

import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroRecordTypeInfo;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.ThresholdBarAggregator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * The tick and volume bars of the current key (an instrument) inside {@link BarAggregator}, built
 * by the {@code signals} core's {@link ThresholdBarAggregator}.
 *
 * <p>Such a bar closes on the trade that reaches its threshold, so every later bar depends on the
 * order of all earlier trades: trades wait in keyed state until the watermark passes their
 * millisecond, then go to the aggregators in event-time order (ties in arrival order). A trade at
 * or behind the watermark cannot be placed any more; the caller sends it to the late output
 * (allowed lateness does not apply to these bars, and they are never revised).
 *
 * <p>State per key: the waiting trades by millisecond, and per spec the trades of its unfinished
 * bar. The aggregators themselves are a cache: after a restore they are rebuilt from those trades.
 */
final class ThresholdBars {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final List<ThresholdBarSpec> specs;
  private final MapState<Long, List<TradeTick>> waiting;
  private final List<ListState<TradeTick>> unfinished;
  private final Map<String, ThresholdBarAggregator[]> aggregators = new HashMap<>();

  ThresholdBars(List<ThresholdBarSpec> specs, RuntimeContext context) {
    this.specs = List.copyOf(specs);
    var tradeType = new AvroRecordTypeInfo<>(TradeTick.class);
    waiting =
        context.getMapState(
            new MapStateDescriptor<>("threshold-waiting", Types.LONG, Types.LIST(tradeType)));
    unfinished = new ArrayList<>(specs.size());
    for (ThresholdBarSpec spec : specs) {
      // Named by spec: adding or removing one keeps the others' state.
      unfinished.add(
          context.getListState(new ListStateDescriptor<>("threshold-" + spec.text(), tradeType)));
    }
  }

  boolean isEmpty() {
    return specs.isEmpty();
  }

  /** Whether the trade can still be placed: its millisecond is after the watermark. */
  static boolean onTime(long tsMillis, long watermark) {
    return tsMillis > watermark;
  }

  /** Keeps an on-time trade until the watermark passes its millisecond. */
  void add(TradeTick trade, TimerService timers) throws Exception {
    long ms = Math.floorDiv(trade.getTsEvent(), NANOS_PER_MILLI);
    List<TradeTick> due = waiting.get(ms);
    if (due == null) {
      due = new ArrayList<>(2);
      timers.registerEventTimeTimer(ms);
    }
    due.add(trade);
    waiting.put(ms, due);
  }

  /** Feeds the trades of millisecond {@code timestamp}; returns the bars they closed. */
  List<Bar> onTimer(long timestamp, String instrumentId) throws Exception {
    List<TradeTick> due = waiting.get(timestamp);
    if (due == null) {
      return List.of();
    }
    waiting.remove(timestamp);
    due.sort(Comparator.comparingLong(TradeTick::getTsEvent)); // stable: ties keep arrival order
    ThresholdBarAggregator[] aggs = aggregators(instrumentId);
    List<Bar> closed = new ArrayList<>();
    for (TradeTick t : due) {
      for (int i = 0; i < aggs.length; i++) {
        var bar = aggs[i].add(t.getTsEvent(), t.getPrice(), t.getSize());
        if (bar.isPresent()) {
          closed.add(bar.get());
          unfinished.get(i).clear();
        } else {
          unfinished.get(i).add(t);
        }
      }
    }
    return closed;
  }

  private ThresholdBarAggregator[] aggregators(String instrumentId) throws Exception {
    ThresholdBarAggregator[] aggs = aggregators.get(instrumentId);
    if (aggs == null) {
      aggs = new ThresholdBarAggregator[specs.size()];
      for (int i = 0; i < aggs.length; i++) {
        aggs[i] = specs.get(i).newAggregator(instrumentId);
        for (TradeTick t : unfinished.get(i).get()) {
          aggs[i].add(t.getTsEvent(), t.getPrice(), t.getSize()); // below threshold: no bar
        }
      }
      aggregators.put(instrumentId, aggs);
    }
    return aggs;
  }
}
