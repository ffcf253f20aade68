package io.tickstream.jobs;

import static io.tickstream.jobs.WireBars.T0;
import static io.tickstream.jobs.WireBars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.signals.indicators.Ema;
import io.tickstream.signals.indicators.Rsi;
import io.tickstream.signals.indicators.Sma;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeatureFunctionTest {
  private static final String BTC = "BTCUSD.TEST";

  private KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void indicatorValuesEqualTheSignalsIndicatorsFedTheSameCloses() throws Exception {
    harness = opened(Duration.ZERO, Duration.ofDays(1));
    Sma sma = new Sma(20);
    Ema ema = new Ema(20);
    Rsi rsi = new Rsi(14);
    for (int i = 0; i < 40; i++) {
      Bar b = bar(BTC, i, 100 + Math.sin(i / 3.0) * 5, 0);
      double close = b.getClose().doubleValue();
      push(b);
      sma.update(close);
      ema.update(close);
      rsi.update(close);
      FeatureVector v = last();
      assertThat(v.getRevision()).isZero();
      assertThat(v.getBarsSeen()).isEqualTo(i + 1);
      assertThat(v.getSma()).isEqualTo(sma.isReady() ? sma.value() : null);
      assertThat(v.getEma()).isEqualTo(ema.isReady() ? ema.value() : null);
      assertThat(v.getRsi()).isEqualTo(rsi.isReady() ? rsi.value() : null);
      assertThat(v.getTsEvent()).isEqualTo(v.getBarEnd());
      assertThat(v.getTsInit()).isPositive();
    }
  }

  @Test
  void aRevisedBarReplaysLaterBarsAndReEmitsWhatChanged() throws Exception {
    harness = opened(Duration.ofSeconds(3), Duration.ofDays(1));
    for (int i = 0; i < 25; i++) {
      push(bar(BTC, i, 100 + i, 0));
    }
    harness.processWatermark(T0 + 24_999);
    int before = harness.extractOutputValues().size();
    // Bar 23 revised: bar 23 and 24 (whose averages include 23) change, revision 1 each.
    push(bar(BTC, 23, 50, 1));
    List<FeatureVector> revised = outputsAfter(before);
    assertThat(revised)
        .extracting(FeatureVector::getBarStart, FeatureVector::getRevision)
        .containsExactly(
            tuple(bar(BTC, 23, 0, 0).getStart(), 1), tuple(bar(BTC, 24, 0, 0).getStart(), 1));

    // The replayed values equal a run over the final bars in order.
    var reference = opened(Duration.ZERO, Duration.ofDays(1));
    for (int i = 0; i < 25; i++) {
      Bar b = bar(BTC, i, i == 23 ? 50 : 100 + i, 0);
      reference.processElement(b, WireBars.timestamp(b));
    }
    List<FeatureVector> expected = reference.extractOutputValues();
    reference.close();
    assertThat(comparable(revised.get(1))).isEqualTo(comparable(expected.get(24)));
    assertThat(comparable(revised.get(0))).isEqualTo(comparable(expected.get(23)));
  }

  @Test
  void keptBarsArePrunedPastLatenessAndStateIsClearedAfterTtl() throws Exception {
    harness = opened(Duration.ofSeconds(2), Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      push(bar(BTC, i, 100 + i, 0));
    }
    harness.processWatermark(T0 + 20_000);
    push(bar(BTC, 20, 120, 0)); // prunes the kept bars 0..4, keeps 20
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the TTL timer
    harness.processWatermark(T0 + 21_000 + 29_999);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.processWatermark(T0 + 21_000 + 30_000); // 30 s after the end of the last bar
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    // A bar after the TTL starts from scratch.
    push(bar(BTC, 60, 130, 0));
    assertThat(last().getBarsSeen()).isEqualTo(1);
  }

  @Test
  void stateSurvivesSnapshotAndRestoreWithIdenticalContinuation() throws Exception {
    harness = opened(Duration.ofSeconds(2), Duration.ofDays(1));
    for (int i = 0; i < 30; i++) {
      push(bar(BTC, i, 100 + (i % 7), 0));
    }
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    List<FeatureVector> uninterrupted = new ArrayList<>();
    for (int i = 30; i < 40; i++) {
      push(bar(BTC, i, 100 + (i % 7), 0));
      uninterrupted.add(comparable(last()));
    }
    push(bar(BTC, 39, 90, 1));
    uninterrupted.add(comparable(last()));
    harness.close();

    harness = created(Duration.ofSeconds(2), Duration.ofDays(1));
    harness.initializeState(snapshot);
    harness.open();
    List<FeatureVector> restored = new ArrayList<>();
    for (int i = 30; i < 40; i++) {
      push(bar(BTC, i, 100 + (i % 7), 0));
      restored.add(comparable(last()));
    }
    push(bar(BTC, 39, 90, 1));
    assertThat(last().getRevision()).isEqualTo(1);
    restored.add(comparable(last()));
    assertThat(restored).isEqualTo(uninterrupted);
  }

  private static FeatureVector comparable(FeatureVector v) {
    return FeatureVector.newBuilder(v).setTsInit(0).setRevision(0).build();
  }

  private List<FeatureVector> outputsAfter(int n) {
    List<FeatureVector> all = harness.extractOutputValues();
    return all.subList(n, all.size());
  }

  private FeatureVector last() {
    List<FeatureVector> all = harness.extractOutputValues();
    return all.get(all.size() - 1);
  }

  private void push(Bar bar) throws Exception {
    harness.processElement(bar, WireBars.timestamp(bar));
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> opened(
      Duration lateness, Duration ttl) throws Exception {
    var h = created(lateness, ttl);
    h.open();
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> created(
      Duration lateness, Duration ttl) throws Exception {
    SignalPlan plan = AnalyticsJobConfig.fromMap(Map.of("resolutions", "1s")).plan();
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new FeatureFunction(plan, lateness, ttl)),
        new BarKey(),
        Types.STRING);
  }
}
