package io.tickstream.jobs;

import static io.tickstream.jobs.TradeTicks.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
  /** A minute-aligned instant, in epoch milliseconds. */
  private static final long T0 = 28_333_333L * 60_000;

  private static final String BTC = "BTCUSD.TEST";
  private static final String ETH = "ETHUSD.TEST";

  private KeyedOneInputStreamOperatorTestHarness<String, TradeTick, Bar> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void barClosesOnTheWatermarkWithOpenAndCloseByEventTime() throws Exception {
    harness = opened(Duration.ZERO, "1s");
    // Arrival order differs from event order: open is the 100 ms trade, close the 900.5 ms one.
    push(trade(BTC, nanos(300), "101", "1"));
    push(trade(BTC, nanos(100), "100", "2"));
    push(trade(BTC, nanos(900) + 500_000, "99", "1"));
    push(trade(BTC, nanos(500), "105", "0.5"));
    push(trade(BTC, nanos(1200), "110", "1"));

    harness.processWatermark(T0 + 998);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + 999);
    // vwap = (101*1 + 100*2 + 99*1 + 105*0.5) / 4.5 = 452.5 / 4.5 = 100.5555...
    assertThat(bars())
        .containsExactly(
            bar(BTC, "1s", 0, 1000, "100", "105", "99", "99", "4.5", 4, "100.55555556", 0));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the open 1200 ms bar only

    harness.processWatermark(T0 + 1999);
    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void lateTradeWithinAllowedLatenessEmitsTheNextRevision() throws Exception {
    harness = opened(Duration.ofSeconds(2), "1s");
    push(trade(BTC, nanos(100), "100", "1"));
    harness.processWatermark(T0 + 999);
    push(trade(BTC, nanos(50), "90", "1"));
    push(trade(BTC, nanos(950), "120", "2"));

    assertThat(bars())
        .containsExactly(
            bar(BTC, "1s", 0, 1000, "100", "100", "100", "100", "1", 1, "100", 0),
            bar(BTC, "1s", 0, 1000, "90", "100", "90", "100", "2", 2, "95", 1),
            bar(BTC, "1s", 0, 1000, "90", "120", "90", "120", "4", 3, "107.5", 2));
    assertThat(harness.getSideOutput(BarStage.LATE_TRADES)).isNull();

    harness.processWatermark(T0 + 2998);
    // The closed bar, kept for revisions: one value holds the instrument's open bars.
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    harness.processWatermark(T0 + 2999); // end - 1 ms + allowed lateness: purged
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    TradeTick tooLate = trade(BTC, nanos(500), "80", "1");
    push(tooLate);
    assertThat(harness.extractOutputValues()).hasSize(3);
    assertThat(lateTrades()).containsExactly(tooLate);
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void firstTradeOfABarAfterItsCloseButWithinLatenessEmitsRevisionZero() throws Exception {
    harness = opened(Duration.ofSeconds(2), "1s");
    harness.processWatermark(T0 + 1500);
    push(trade(BTC, nanos(400), "100", "1"));
    push(trade(BTC, nanos(600), "101", "1"));
    assertThat(harness.extractOutputValues())
        .extracting(Bar::getRevision, Bar::getTradeCount)
        .containsExactly(tuple(0, 1L), tuple(1, 2L));
    harness.processWatermark(T0 + 2999);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void tradePastLatenessOfOneResolutionGoesToTheSideOutputOnceAndStillCountsInTheOther()
      throws Exception {
    harness = opened(Duration.ZERO, "1s", "1m");
    push(trade(BTC, nanos(100), "100", "1"));
    harness.processWatermark(T0 + 999);
    TradeTick late = trade(BTC, nanos(200), "95", "1");
    push(late);
    push(trade(BTC, nanos(1500), "97", "1"));
    harness.processWatermark(T0 + 59_999);

    assertThat(bars())
        .containsExactly(
            bar(BTC, "1s", 0, 1000, "100", "100", "100", "100", "1", 1, "100", 0),
            bar(BTC, "1s", 1000, 2000, "97", "97", "97", "97", "1", 1, "97", 0),
            bar(BTC, "1m", 0, 60_000, "100", "100", "95", "97", "3", 3, "97.33333333", 0));
    assertThat(lateTrades()).containsExactly(late);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void instrumentsHaveTheirOwnBars() throws Exception {
    harness = opened(Duration.ZERO, "1s");
    push(trade(BTC, nanos(10), "100", "1"));
    push(trade(ETH, nanos(20), "10", "3"));
    push(trade(BTC, nanos(30), "102", "1"));
    harness.processWatermark(T0 + 999);
    assertThat(bars())
        .containsExactlyInAnyOrder(
            bar(BTC, "1s", 0, 1000, "100", "102", "100", "102", "2", 2, "101", 0),
            bar(ETH, "1s", 0, 1000, "10", "10", "10", "10", "3", 1, "10", 0));
  }

  @Test
  void openBarsSurviveASnapshotAndRestore() throws Exception {
    harness = opened(Duration.ZERO, "1s");
    push(trade(BTC, nanos(700), "101.12345678", "0.5"));
    push(trade(BTC, nanos(100), "100", "1.5"));
    restartFromASnapshot(Duration.ZERO, "1s");
    push(trade(BTC, nanos(400), "99", "1"));
    harness.processWatermark(T0 + 999);
    // vwap = (50.56172839 + 150 + 99) / 3 = 99.85390946333...
    assertThat(bars())
        .containsExactly(
            bar(
                BTC,
                "1s",
                0,
                1000,
                "100",
                "101.12345678",
                "99",
                "101.12345678",
                "3",
                3,
                "99.85390946",
                0));
  }

  @Test
  void countsTicksInLateTicksAndBarsOut() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    TaskMetricGroup task =
        new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
          @Override
          public InternalOperatorMetricGroup getOrAddOperator(
              OperatorID id, String name, Map<String, String> variables) {
            return metrics;
          }
        };
    try (MockEnvironment env = new MockEnvironmentBuilder().setMetricGroup(task).build()) {
      harness =
          new KeyedOneInputStreamOperatorTestHarness<>(
              new KeyedProcessOperator<>(
                  new BarAggregator(
                      List.of(TimeBarSpec.parse("1s"), TimeBarSpec.parse("1m")),
                      Duration.ZERO,
                      BarStage.LATE_TRADES)),
              new BarStage.InstrumentKey(),
              Types.STRING,
              env);
      harness.open();
      push(trade(BTC, nanos(100), "100", "1"));
      push(trade(ETH, nanos(200), "10", "1"));
      harness.processWatermark(T0 + 999);
      push(trade(BTC, nanos(300), "101", "1")); // late for 1s, on time for 1m
      harness.processWatermark(T0 + 59_999);

      assertThat(((Counter) metrics.get("ticksIn")).getCount()).isEqualTo(3);
      assertThat(((Counter) metrics.get("lateTicks")).getCount()).isEqualTo(1);
      assertThat(((Counter) metrics.get("barsOut")).getCount()).isEqualTo(4);
      harness.close();
      harness = null;
    }
  }

  @Test
  void tickBarsTakeTradesInEventTimeOrderOnceTheWatermarkPassesThem() throws Exception {
    harness = opened(Duration.ZERO, "3t");
    push(trade(BTC, nanos(300), "101", "1"));
    push(trade(BTC, nanos(100), "100", "2"));
    push(trade(BTC, nanos(200), "104", "1"));
    push(trade(BTC, nanos(500), "99", "3"));
    push(trade(BTC, nanos(400), "102", "1"));
    push(trade(BTC, nanos(600), "103", "2"));
    push(trade(BTC, nanos(700), "98", "1"));

    harness.processWatermark(T0 + 99);
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processWatermark(T0 + 450);
    // Trades 100, 200, 300 ms: vwap = (100*2 + 104 + 101) / 4 = 101.25
    assertThat(bars())
        .containsExactly(
            thresholdBar("tick-3", 100, 300, "100", "104", "100", "101", "4", 3, "101.25"));
    harness.processWatermark(T0 + 999);
    // Then 400, 500, 600 ms: vwap = (102 + 99*3 + 103*2) / 6 = 605 / 6 = 100.8333...
    assertThat(bars())
        .containsExactly(
            thresholdBar("tick-3", 100, 300, "100", "104", "100", "101", "4", 3, "101.25"),
            thresholdBar("tick-3", 400, 600, "102", "103", "99", "103", "6", 3, "100.83333333"));
    assertThat(harness.numEventTimeTimers()).isZero(); // the 700 ms trade waits for two more
  }

  @Test
  void volumeBarsCloseOnTheTradeThatReachesTheThresholdAndTimeBarsStillRun() throws Exception {
    harness = opened(Duration.ZERO, "1s", "5v");
    push(trade(BTC, nanos(100), "10", "2"));
    push(trade(BTC, nanos(200), "11", "2"));
    push(trade(BTC, nanos(300), "12", "3"));
    push(trade(BTC, nanos(400), "13", "5"));
    harness.processWatermark(T0 + 999);
    // 2 + 2 + 3 = 7 >= 5: vwap = (20 + 22 + 36) / 7 = 11.142857142...; then 5 alone.
    // The 1 s bar: vwap = (20 + 22 + 36 + 65) / 12 = 11.91666...
    assertThat(bars())
        .containsExactlyInAnyOrder(
            thresholdBar("volume-5", 100, 300, "10", "12", "10", "12", "7", 3, "11.14285714"),
            thresholdBar("volume-5", 400, 400, "13", "13", "13", "13", "5", 1, "13"),
            bar(BTC, "1s", 0, 1000, "10", "13", "10", "13", "12", 4, "11.91666667", 0));
  }

  @Test
  void aTradeBehindTheWatermarkIsLateForTickBarsEvenWithinAllowedLateness() throws Exception {
    harness = opened(Duration.ofSeconds(2), "1s", "2t");
    push(trade(BTC, nanos(100), "100", "1"));
    harness.processWatermark(T0 + 150);
    TradeTick behind = trade(BTC, nanos(120), "90", "1");
    push(behind);
    push(trade(BTC, nanos(600), "110", "1"));
    harness.processWatermark(T0 + 999);

    assertThat(lateTrades()).containsExactly(behind);
    assertThat(bars())
        .containsExactlyInAnyOrder(
            thresholdBar("tick-2", 100, 600, "100", "110", "100", "110", "2", 2, "105"),
            bar(BTC, "1s", 0, 1000, "100", "110", "90", "110", "3", 3, "100", 0));
  }

  @Test
  void anUnfinishedTickBarSurvivesASnapshotAndRestore() throws Exception {
    harness = opened(Duration.ZERO, "3t");
    push(trade(BTC, nanos(100), "100", "1"));
    push(trade(BTC, nanos(200), "105", "1"));
    harness.processWatermark(T0 + 250); // both are in the unfinished bar
    push(trade(BTC, nanos(300), "95", "2")); // still waiting for the watermark
    restartFromASnapshot(Duration.ZERO, "3t");
    push(trade(BTC, nanos(400), "99", "1"));
    harness.processWatermark(T0 + 999);
    // vwap = (100 + 105 + 95*2) / 4 = 98.75
    assertThat(bars())
        .containsExactly(
            thresholdBar("tick-3", 100, 300, "100", "105", "95", "95", "4", 3, "98.75"));
  }

  /** A tick or volume bar of BTC from its first to its last trade (end = last + 1 ns). */
  private static Bar thresholdBar(
      String spec,
      long firstMillis,
      long lastMillis,
      String open,
      String high,
      String low,
      String close,
      String volume,
      long count,
      String vwap) {
    Bar b =
        bar(BTC, spec, firstMillis, lastMillis + 1, open, high, low, close, volume, count, vwap, 0);
    return Bar.newBuilder(b)
        .setEnd(nanos(lastMillis) + 1)
        .setTsEvent(nanos(lastMillis) + 1)
        .build();
  }

  /** Snapshots the harness, closes it and opens a new one restored from the snapshot. */
  private void restartFromASnapshot(Duration lateness, String... specs) throws Exception {
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();
    harness = created(lateness, specs);
    harness.initializeState(snapshot);
    harness.open();
  }

  private KeyedOneInputStreamOperatorTestHarness<String, TradeTick, Bar> opened(
      Duration lateness, String... specs) throws Exception {
    var h = created(lateness, specs);
    h.open();
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, TradeTick, Bar> created(
      Duration lateness, String... specs) throws Exception {
    List<TimeBarSpec> resolutions = new ArrayList<>();
    List<ThresholdBarSpec> thresholds = new ArrayList<>();
    for (String spec : specs) {
      ThresholdBarSpec.parse(spec)
          .ifPresentOrElse(thresholds::add, () -> resolutions.add(TimeBarSpec.parse(spec)));
    }
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(
            new BarAggregator(
                resolutions,
                thresholds,
                lateness,
                BarStage.LATE_TRADES,
                AnalyticsJobConfig.EmptyBars.SKIP,
                Duration.ofDays(7))),
        new BarStage.InstrumentKey(),
        Types.STRING);
  }

  private void push(TradeTick trade) throws Exception {
    harness.processElement(trade, BarStage.eventTimeMillis(trade));
  }

  /** Bars emitted so far, with tsInit checked and then zeroed for comparisons. */
  private List<Bar> bars() {
    return harness.extractOutputValues().stream()
        .map(
            b -> {
              assertThat(b.getTsInit()).isGreaterThan(b.getEnd());
              return Bar.newBuilder(b).setTsInit(0).build();
            })
        .toList();
  }

  private List<TradeTick> lateTrades() {
    var records = harness.getSideOutput(BarStage.LATE_TRADES);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  /** Nanoseconds of {@code T0 + offsetMillis}. */
  private static long nanos(long offsetMillis) {
    return (T0 + offsetMillis) * 1_000_000L;
  }

  /** The expected bar; its tsInit is copied from nowhere, so comparisons ignore it. */
  private static Bar bar(
      String instrument,
      String spec,
      long startOffsetMillis,
      long endOffsetMillis,
      String open,
      String high,
      String low,
      String close,
      String volume,
      long count,
      String vwap,
      int revision) {
    return Bar.newBuilder()
        .setInstrumentId(instrument)
        .setSpec(spec)
        .setStart(nanos(startOffsetMillis))
        .setEnd(nanos(endOffsetMillis))
        .setOpen(wire(open))
        .setHigh(wire(high))
        .setLow(wire(low))
        .setClose(wire(close))
        .setVolume(wire(volume))
        .setTradeCount(count)
        .setVwap(wire(vwap))
        .setRevision(revision)
        .setTsEvent(nanos(endOffsetMillis))
        .setTsInit(0)
        .build();
  }

  private static BigDecimal wire(String value) {
    return new BigDecimal(value).setScale(8);
  }
}
