package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.serde.AvroRecordTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs an incremental engine (indicators, strategies) over the bars of one key (instrument and
 * spec, see {@link BarKey}) in bar order, and turns bar revisions into output revisions.
 *
 * <p>A new bar (after the latest) updates the engine state and emits its outputs at revision 0.
 * While allowed lateness is positive, the state before each bar is kept until the bar can no longer
 * be revised (its end − 1 ms + lateness passed by the watermark, as in {@link BarAggregator}); a
 * revised bar, or an older bar first emitted late, restores the state before it and replays it and
 * every later kept bar. Each replayed output that changed is emitted again with revision + 1;
 * unchanged ones are not. The result equals feeding the final bars in order.
 *
 * <p>State TTL: an event-time timer clears all state of a key once {@code stateTtl} has passed
 * after the end of its last bar with trades (flat carry-forward bars do not count).
 *
 * @param <E> the engine
 * @param <O> the output record
 */
public abstract class ReplayingBarFunction<E, O> extends KeyedProcessFunction<String, Bar, O> {
  private static final long serialVersionUID = 1L;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final long latenessMillis;
  private final long ttlMillis;
  private final String outputMetric;

  private transient ValueState<Current> current;
  private transient ValueState<Long> latestStart;
  private transient ValueState<Long> lastActive;
  private transient ValueState<Long> ttlTimer;
  private transient MapState<Long, Bar> keptBars;
  private transient MapState<Long, Kept> kept;
  private transient Map<String, E> engines;
  // The state record each cached engine holds (its latest snapshot): when the key's current state
  // is that very object, the engine is already there and need not be restored from it.
  private transient Map<String, Record> engineStates;
  private transient Counter outputs;
  private transient Counter expired;
  private transient volatile long lagMs;

  /**
   * What is kept of a bar while it may be revised.
   *
   * @param before the engine state before the bar (null: none yet)
   * @param revisions per output index, the last revision emitted
   * @param fingerprints per output index, what decides whether an output changed
   */
  public record Kept(Record before, int[] revisions, double[][] fingerprints) {}

  /**
   * The engine state after the latest bar (a concrete type for the state serializer).
   *
   * @param state the engine's state record
   */
  public record Current(Record state) {}

  /**
   * @param allowedLateness as configured for the bars
   * @param stateTtl event time without bars after which a key's state is dropped
   * @param outputMetric name of the counter of emitted outputs
   */
  protected ReplayingBarFunction(Duration allowedLateness, Duration stateTtl, String outputMetric) {
    this.latenessMillis = allowedLateness.toMillis();
    this.ttlMillis = stateTtl.toMillis();
    this.outputMetric = outputMetric;
  }

  /** A fresh engine for the key, or null when nothing runs on it. */
  protected abstract E newEngine(String instrumentId, String spec);

  /** The engine's state. */
  protected abstract Record snapshot(E engine);

  /** Replaces the engine's state; IllegalArgumentException when it does not fit. */
  protected abstract void restore(E engine, Record state);

  /** Feeds the bar; the outputs at revision 0, always in the same order and number. */
  protected abstract List<O> apply(E engine, Bar bar);

  /** What decides whether an output changed between two computations. */
  protected abstract double[] fingerprint(O output);

  /** The output with this revision and emission time {@code tsInitNanos}. */
  protected abstract O finish(O output, int revision, long tsInitNanos);

  @Override
  public void open(OpenContext openContext) {
    var rc = getRuntimeContext();
    current =
        rc.getState(new ValueStateDescriptor<>("engine", new GenericTypeInfo<>(Current.class)));
    latestStart = rc.getState(new ValueStateDescriptor<>("latest-start", Types.LONG));
    lastActive = rc.getState(new ValueStateDescriptor<>("last-active", Types.LONG));
    ttlTimer = rc.getState(new ValueStateDescriptor<>("ttl-timer", Types.LONG));
    keptBars =
        rc.getMapState(
            new MapStateDescriptor<>("kept-bars", Types.LONG, new AvroRecordTypeInfo<>(Bar.class)));
    kept =
        rc.getMapState(
            new MapStateDescriptor<>("kept", Types.LONG, new GenericTypeInfo<>(Kept.class)));
    engines = new HashMap<>();
    engineStates = new HashMap<>();
    outputs = rc.getMetricGroup().counter(outputMetric);
    expired = rc.getMetricGroup().counter("expiredKeys");
    rc.getMetricGroup().gauge("barToOutputLagMs", () -> lagMs);
  }

  @Override
  public void processElement(Bar bar, Context ctx, Collector<O> out) throws Exception {
    String key = ctx.getCurrentKey();
    // Nanoseconds: tick and volume bars of one key may start within the same millisecond.
    long start = bar.getStart();
    Long latest = latestStart.value();
    if (latest == null || start > latest) {
      Current c = current.value();
      Record before = c == null ? null : c.state();
      E engine = engine(key, bar, before);
      if (engine == null) {
        return;
      }
      List<O> outs = apply(engine, bar);
      double[][] fps = new double[outs.size()][];
      for (int m = 0; m < outs.size(); m++) {
        fps[m] = fingerprint(outs.get(m));
        emit(outs.get(m), 0, bar, out);
      }
      Record after = snapshot(engine);
      current.update(new Current(after));
      engineStates.put(key, after);
      latestStart.update(start);
      if (latenessMillis > 0) {
        keptBars.put(start, bar);
        kept.put(start, new Kept(before, new int[outs.size()], fps));
      }
    } else if (latenessMillis > 0) {
      replay(key, start, bar, out);
    }
    if (latenessMillis > 0) {
      prune(ctx.timerService().currentWatermark());
    }
    if (bar.getTradeCount() > 0) {
      touch(bar.getEnd() / NANOS_PER_MILLI, ctx);
    }
  }

  /** Restores the state before {@code start} and replays from there with the revised bar. */
  private void replay(String key, long start, Bar revised, Collector<O> out) throws Exception {
    List<Long> starts = new ArrayList<>();
    keptBars.keys().forEach(starts::add);
    starts.sort(null);
    int k = 0;
    while (k < starts.size() && starts.get(k) < start) {
      k++;
    }
    if (k == starts.size()) {
      return; // nothing kept at or after it: too late to replay (cannot happen within lateness)
    }
    boolean inserted = starts.get(k) != start;
    if (inserted) {
      starts.add(k, start);
    }
    Record before = kept.get(starts.get(inserted ? k + 1 : k)).before();
    E engine = engine(key, revised, before);
    if (engine == null) {
      return;
    }
    for (int j = k; j < starts.size(); j++) {
      long s = starts.get(j);
      Bar bar = s == start ? revised : keptBars.get(s);
      Kept old = s == start && inserted ? null : kept.get(s);
      Record stateBefore = j == k ? before : snapshot(engine);
      List<O> outs = apply(engine, bar);
      int[] revisions = new int[outs.size()];
      double[][] fps = new double[outs.size()][];
      for (int m = 0; m < outs.size(); m++) {
        fps[m] = fingerprint(outs.get(m));
        if (old == null || m >= old.revisions().length) {
          emit(outs.get(m), 0, bar, out);
        } else if (!Arrays.equals(fps[m], old.fingerprints()[m])) {
          revisions[m] = old.revisions()[m] + 1;
          emit(outs.get(m), revisions[m], bar, out);
        } else {
          revisions[m] = old.revisions()[m];
        }
      }
      keptBars.put(s, bar);
      kept.put(s, new Kept(stateBefore, revisions, fps));
    }
    Record after = snapshot(engine);
    current.update(new Current(after));
    engineStates.put(key, after);
  }

  /** The key's engine holding {@code state} (fresh when null or when it no longer fits). */
  private E engine(String key, Bar bar, Record state) {
    E engine = engines.get(key);
    Record held = engineStates.remove(key);
    if (engine != null && state != null && held == state) {
      return engine; // a heap backend hands back the snapshot we stored: the engine holds it
    }
    if (engine == null || state == null) {
      engine = newEngine(bar.getInstrumentId(), bar.getSpec());
      if (engine == null) {
        return null;
      }
      engines.put(key, engine);
    }
    if (state != null) {
      try {
        restore(engine, state);
      } catch (IllegalArgumentException e) {
        // The configuration changed since the state was written: start this key afresh.
        engine = newEngine(bar.getInstrumentId(), bar.getSpec());
        engines.put(key, engine);
      }
    }
    return engine;
  }

  private void emit(O output, int revision, Bar bar, Collector<O> out) {
    long nowMillis = System.currentTimeMillis();
    Instant now = Instant.ofEpochMilli(nowMillis);
    out.collect(finish(output, revision, now.getEpochSecond() * 1_000_000_000L + now.getNano()));
    outputs.inc();
    lagMs = nowMillis - bar.getEnd() / NANOS_PER_MILLI;
  }

  private void prune(long watermark) throws Exception {
    List<Long> gone = new ArrayList<>();
    for (Map.Entry<Long, Bar> e : keptBars.entries()) {
      long endMs = e.getValue().getEnd() / NANOS_PER_MILLI;
      if (endMs - 1 + latenessMillis <= watermark) {
        gone.add(e.getKey());
      }
    }
    for (Long s : gone) {
      keptBars.remove(s);
      kept.remove(s);
    }
  }

  private void touch(long endMs, Context ctx) throws Exception {
    Long last = lastActive.value();
    if (last == null || endMs > last) {
      lastActive.update(endMs);
    }
    if (ttlTimer.value() == null) {
      long at = endMs + ttlMillis;
      ctx.timerService().registerEventTimeTimer(at);
      ttlTimer.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    Long last = lastActive.value();
    if (last != null && last + ttlMillis > timestamp) {
      // Bars came since the timer was set: one timer per key, moved forward lazily.
      ctx.timerService().registerEventTimeTimer(last + ttlMillis);
      ttlTimer.update(last + ttlMillis);
      return;
    }
    current.clear();
    latestStart.clear();
    lastActive.clear();
    ttlTimer.clear();
    keptBars.clear();
    kept.clear();
    engines.remove(ctx.getCurrentKey());
    engineStates.remove(ctx.getCurrentKey());
    expired.inc();
  }
}
