package io.tickstream.jobs;

import io.tickstream.jobs.AnalyticsJobConfig.EmptyBars;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Event-time OHLCV bars of one instrument (the key) at several resolutions, all windows tumbling
 * and aligned to the epoch. One function serves every resolution so that each trade is judged once:
 * a trade too late for at least one of its bars goes once to the late side output.
 *
 * <p>Semantics follow Flink's event-time window operator: the bar [start, end) fires when the
 * watermark reaches {@code end - 1 ms} (revision 0); until the watermark reaches {@code end - 1 ms
 * + allowedLateness} a trade for it updates the bar and re-emits it with revision + 1; after that
 * the bar's state is purged and its trades count as late. Windows and timers are in milliseconds
 * (Flink's event time); bars carry nanoseconds, and trades are placed by their nanosecond {@code
 * tsEvent}, so a bar holds exactly the trades with {@code start <= tsEvent < end}.
 *
 * <p>Tick and volume bars ({@link ThresholdBars}), when configured, come from the same function so
 * that a trade is judged late once: they take trades in event-time order once the watermark passes
 * them, and a trade at or behind the watermark is late for them whatever the allowed lateness.
 *
 * <p>Empty intervals ({@link EmptyBars}): by default no bar. With {@code CARRY_FORWARD}, an
 * interval without trades after a bar of the same resolution gets a flat bar (open = high = low =
 * close = vwap = the previous bar's close, volume 0, tradeCount 0), until {@code stateTtl} of event
 * time has passed since the instrument's last trade; then the carry state is dropped.
 *
 * <p>State per instrument: one value {@code time-bars} ({@link OpenTimeBars}) with the open and
 * still revisable bars of every resolution, so a trade costs one state read and one write; the
 * threshold bars' state ({@link ThresholdBars}); with carry-forward, {@code bar-carry-<spec>}.
 * Savepoint compatibility: a savepoint taken before {@code time-bars} existed (states {@code
 * bar-<spec>}, {@code bar-revision-<spec>}) restores without the bars open when it was taken, so
 * those bars would miss their earlier trades: start such an upgrade from {@code md.trades} offsets
 * before the oldest open bar instead (or accept partial first bars).
 *
 * <p>Metrics on the operator: {@code ticksIn}, {@code lateTicks}, {@code barsOut}, {@code
 * emptyBarsOut}, and gauges {@code tickLagMs} (processing time − event time of the latest trade)
 * and {@code barLagMs} (processing time − end of the latest bar emitted).
 */
public final class BarAggregator extends KeyedProcessFunction<String, TradeTick, Bar> {
  private static final long serialVersionUID = 1L;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  // TimeBarSpec is not Serializable: keep the text and re-parse in open().
  private final List<String> specTexts;
  private final long allowedLatenessMillis;
  private final OutputTag<TradeTick> lateTrades;
  private final boolean carryForward;
  private final long ttlMillis;
  private final List<String> thresholdTexts;

  private transient TimeBarSpec[] specs;
  private transient ThresholdBars thresholdBars;
  private transient long[] sizeMillis;
  private transient String[] specNames;
  // All open time bars of the instrument in one value: one state read and write per trade.
  private transient ValueState<OpenTimeBars> openBars;
  // Reused for every trade: its unscaled price and size, worked out once for all its bars.
  private transient LongBarAccumulator.Trade unscaled;
  // Per resolution: (start of the latest bar in ms, its close, the latest trade's time in ms).
  private transient List<ValueState<Tuple3<Long, BigDecimal, Long>>> carries;
  private transient Counter ticksIn;
  private transient Counter lateTicks;
  private transient Counter barsOut;
  private transient Counter emptyBarsOut;
  private transient volatile long tickLagMs;
  private transient volatile long barLagMs;

  /**
   * @param resolutions bar sizes, each a whole number of milliseconds
   * @param allowedLateness how long after its close a bar accepts trades, as revisions
   * @param lateTrades side output for trades past the allowed lateness of one of their bars
   */
  public BarAggregator(
      List<TimeBarSpec> resolutions, Duration allowedLateness, OutputTag<TradeTick> lateTrades) {
    this(resolutions, allowedLateness, lateTrades, EmptyBars.SKIP, Duration.ofDays(7));
  }

  /**
   * @param resolutions bar sizes, each a whole number of milliseconds
   * @param allowedLateness how long after its close a bar accepts trades, as revisions
   * @param lateTrades side output for trades past the allowed lateness of one of their bars
   * @param emptyBars what an interval without trades produces
   * @param stateTtl how long flat bars are carried forward after the instrument's last trade
   */
  public BarAggregator(
      List<TimeBarSpec> resolutions,
      Duration allowedLateness,
      OutputTag<TradeTick> lateTrades,
      EmptyBars emptyBars,
      Duration stateTtl) {
    this(resolutions, List.of(), allowedLateness, lateTrades, emptyBars, stateTtl);
  }

  /**
   * @param resolutions bar sizes, each a whole number of milliseconds
   * @param thresholds tick and volume bars (see {@link ThresholdBars})
   * @param allowedLateness how long after its close a bar accepts trades, as revisions
   * @param lateTrades side output for trades past the allowed lateness of one of their bars
   * @param emptyBars what an interval without trades produces
   * @param stateTtl how long flat bars are carried forward after the instrument's last trade
   */
  public BarAggregator(
      List<TimeBarSpec> resolutions,
      List<ThresholdBarSpec> thresholds,
      Duration allowedLateness,
      OutputTag<TradeTick> lateTrades,
      EmptyBars emptyBars,
      Duration stateTtl) {
    for (TimeBarSpec spec : resolutions) {
      if (spec.sizeNanos() % NANOS_PER_MILLI != 0) {
        throw new IllegalArgumentException("bar size must be whole milliseconds: " + spec);
      }
    }
    this.specTexts = resolutions.stream().map(TimeBarSpec::text).toList();
    this.thresholdTexts = thresholds.stream().map(ThresholdBarSpec::text).toList();
    this.allowedLatenessMillis = allowedLateness.toMillis();
    this.lateTrades = lateTrades;
    this.carryForward = emptyBars == EmptyBars.CARRY_FORWARD;
    this.ttlMillis = stateTtl.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    unscaled = new LongBarAccumulator.Trade();
    int n = specTexts.size();
    specs = new TimeBarSpec[n];
    sizeMillis = new long[n];
    specNames = new String[n];
    carries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      specs[i] = TimeBarSpec.parse(specTexts.get(i));
      sizeMillis[i] = specs[i].sizeNanos() / NANOS_PER_MILLI;
      specNames[i] = specs[i].text();
      if (carryForward) {
        carries.add(
            getRuntimeContext()
                .getState(
                    new ValueStateDescriptor<>(
                        "bar-carry-" + specs[i].text(),
                        Types.TUPLE(Types.LONG, Types.BIG_DEC, Types.LONG))));
      }
    }
    // The value records its resolutions by spec text, so adding or removing a resolution keeps
    // the others' bars (OpenTimeBars.alignTo).
    openBars =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("time-bars", OpenTimeBarsSerializer.INSTANCE));
    thresholdBars =
        new ThresholdBars(
            thresholdTexts.stream().map(t -> ThresholdBarSpec.parse(t).orElseThrow()).toList(),
            getRuntimeContext());
    var metrics = getRuntimeContext().getMetricGroup();
    ticksIn = metrics.counter("ticksIn");
    lateTicks = metrics.counter("lateTicks");
    barsOut = metrics.counter("barsOut");
    emptyBarsOut = metrics.counter("emptyBarsOut");
    metrics.gauge("tickLagMs", () -> tickLagMs);
    metrics.gauge("barLagMs", () -> barLagMs);
  }

  @Override
  public void processElement(TradeTick trade, Context ctx, Collector<Bar> out) throws Exception {
    ticksIn.inc();
    long tsNanos = trade.getTsEvent();
    long tsMillis = Math.floorDiv(tsNanos, NANOS_PER_MILLI);
    tickLagMs = System.currentTimeMillis() - tsMillis;
    long watermark = ctx.timerService().currentWatermark();
    boolean late = false;
    OpenTimeBars bars = null;
    LongBarAccumulator.Trade amounts = null;
    for (int i = 0; i < specs.length; i++) {
      long start = Math.floorDiv(tsMillis, sizeMillis[i]) * sizeMillis[i];
      long maxTimestamp = start + sizeMillis[i] - 1;
      if (maxTimestamp + allowedLatenessMillis <= watermark) {
        late = true;
        continue;
      }
      if (bars == null) {
        bars = openBars();
      }
      OpenTimeBars.Slot slot = bars.findOrAdd(i, start);
      // A flat carried-forward bar has a revision but no accumulator: its timers are set.
      boolean first = slot.acc == null && slot.lastRevision == OpenTimeBars.NOT_EMITTED;
      if (slot.acc == null) {
        slot.acc = new LongBarAccumulator();
      }
      if (amounts == null) {
        amounts = unscaled.set(trade.getPrice(), trade.getSize());
      }
      slot.acc.add(tsNanos, amounts);
      if (maxTimestamp <= watermark) {
        emit(i, slot, ctx.getCurrentKey(), ctx.timerService(), out);
      } else if (first) {
        ctx.timerService().registerEventTimeTimer(maxTimestamp);
      }
      if (first && allowedLatenessMillis > 0) {
        ctx.timerService().registerEventTimeTimer(maxTimestamp + allowedLatenessMillis);
      }
    }
    if (bars != null) {
      openBars.update(bars);
    }
    if (!thresholdBars.isEmpty()) {
      if (ThresholdBars.onTime(tsMillis, watermark)) {
        thresholdBars.add(trade, ctx.timerService());
      } else {
        late = true;
      }
    }
    if (late) {
      lateTicks.inc();
      ctx.output(lateTrades, trade);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Bar> out) throws Exception {
    for (var bar : thresholdBars.onTimer(timestamp, ctx.getCurrentKey())) {
      out.collect(AvroBarConverter.toAvro(bar, nowNanos()));
      barsOut.inc();
    }
    // Time bars act only on their own timestamps (last millisecond, purge time), so a threshold
    // timer at any other millisecond changes nothing below; at theirs it is the same timer.
    OpenTimeBars bars = openBars();
    boolean changed = false;
    for (int i = 0; i < specs.length; i++) {
      // A timer at a bar's last millisecond fires it; one allowedLateness later purges it.
      // With several resolutions and lateness one timestamp can be both, for different bars.
      long closing = timestamp + 1 - sizeMillis[i];
      if (Math.floorMod(timestamp + 1, sizeMillis[i]) == 0) {
        OpenTimeBars.Slot slot = bars.find(i, closing);
        if (slot == null || slot.lastRevision == OpenTimeBars.NOT_EMITTED) {
          if (slot != null && slot.acc != null) {
            emit(i, slot, ctx.getCurrentKey(), ctx.timerService(), out);
            changed = true;
          } else if (carryForward) {
            changed |= emitFlat(i, closing, bars, ctx, out);
          }
        }
      }
      long purging = closing - allowedLatenessMillis;
      if (Math.floorMod(purging, sizeMillis[i]) == 0) {
        changed |= bars.remove(i, purging);
      }
    }
    if (bars.isEmpty()) {
      openBars.clear();
    } else if (changed) {
      openBars.update(bars);
    }
  }

  /** The instrument's open time bars, laid out for this operator's resolutions. */
  private OpenTimeBars openBars() throws Exception {
    OpenTimeBars bars = openBars.value();
    if (bars == null) {
      return new OpenTimeBars(specNames);
    }
    bars.alignTo(specNames);
    return bars;
  }

  /** Emits the bar of {@code slot} with its next revision; the caller writes the state back. */
  private void emit(
      int i, OpenTimeBars.Slot slot, String instrumentId, TimerService timers, Collector<Bar> out)
      throws Exception {
    int revision = slot.lastRevision + 1;
    slot.lastRevision = revision;
    long startMillis = slot.startMillis;
    LongBarAccumulator acc = slot.acc;
    long start = startMillis * NANOS_PER_MILLI;
    long end = start + specs[i].sizeNanos();
    io.tickstream.signals.bars.Bar bar =
        acc.toBar(instrumentId, specs[i].text(), start, end, revision);
    out.collect(AvroBarConverter.toAvro(bar, nowNanos()));
    barsOut.inc();
    barLagMs = System.currentTimeMillis() - (startMillis + sizeMillis[i]);
    if (carryForward) {
      ValueState<Tuple3<Long, BigDecimal, Long>> carry = carries.get(i);
      Tuple3<Long, BigDecimal, Long> c = carry.value();
      long lastTrade = Math.floorDiv(acc.lastEventTime(), NANOS_PER_MILLI);
      if (c == null || startMillis >= c.f0) {
        carry.update(
            Tuple3.of(startMillis, bar.close(), Math.max(lastTrade, c == null ? 0 : c.f2)));
      } else if (lastTrade > c.f2) {
        carry.update(Tuple3.of(c.f0, c.f1, lastTrade));
      }
      if (revision == 0) {
        // The next interval fires even without trades, to emit its flat bar.
        timers.registerEventTimeTimer(startMillis + 2 * sizeMillis[i] - 1);
      }
    }
  }

  /**
   * The flat bar of the interval starting {@code startMillis}, when a bar of this resolution came
   * before it and the instrument traded within the TTL; otherwise the carry state is dropped.
   *
   * @return whether {@code bars} changed (the caller writes it back)
   */
  private boolean emitFlat(
      int i, long startMillis, OpenTimeBars bars, Context ctx, Collector<Bar> out)
      throws Exception {
    ValueState<Tuple3<Long, BigDecimal, Long>> carry = carries.get(i);
    Tuple3<Long, BigDecimal, Long> c = carry.value();
    if (c == null || c.f0 >= startMillis) {
      return false;
    }
    if (startMillis + sizeMillis[i] - c.f2 > ttlMillis) {
      carry.clear();
      return false;
    }
    BigDecimal close = c.f1.setScale(AvroBarConverter.WIRE_SCALE);
    long start = startMillis * NANOS_PER_MILLI;
    long end = start + specs[i].sizeNanos();
    bars.findOrAdd(i, startMillis).lastRevision = 0;
    out.collect(
        Bar.newBuilder()
            .setInstrumentId(ctx.getCurrentKey())
            .setSpec(specs[i].text())
            .setStart(start)
            .setEnd(end)
            .setOpen(close)
            .setHigh(close)
            .setLow(close)
            .setClose(close)
            .setVolume(BigDecimal.ZERO.setScale(AvroBarConverter.WIRE_SCALE))
            .setTradeCount(0)
            .setVwap(close)
            .setRevision(0)
            .setTsEvent(end)
            .setTsInit(nowNanos())
            .build());
    emptyBarsOut.inc();
    carry.update(Tuple3.of(startMillis, c.f1, c.f2));
    long maxTimestamp = startMillis + sizeMillis[i] - 1;
    if (allowedLatenessMillis > 0) {
      ctx.timerService().registerEventTimeTimer(maxTimestamp + allowedLatenessMillis);
    }
    ctx.timerService().registerEventTimeTimer(maxTimestamp + sizeMillis[i]);
    return true;
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
