package io.tickstream.jobs;

import static io.tickstream.jobs.WireBars.T0;
import static io.tickstream.jobs.WireBars.bar;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.signals.strategies.Strategy;
import io.tickstream.signals.strategies.StrategyFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalFunctionTest {
  private static final String BTC = "BTCUSD.TEST";
  private static final Map<String, String> CONFIG =
      Map.of(
          "resolutions", "1s",
          "strategy.cross.type", "ma-crossover",
          "strategy.cross.param.fast", "2",
          "strategy.cross.param.slow", "3",
          "strategy.rsi.type", "rsi-mean-reversion",
          "strategy.rsi.param.period", "3",
          "ensemble.both.members", "cross:1,rsi:1",
          "ensemble.both.threshold", "0.3");

  private KeyedOneInputStreamOperatorTestHarness<String, Bar, Signal> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void oneSignalPerStrategyAndBarAsTheStrategiesThemselvesDecide() throws Exception {
    harness = opened(Duration.ZERO);
    Strategy cross =
        StrategyFactory.create("ma-crossover", Map.of("fast", 2, "slow", 3, "id", "cross"));
    List<Signal> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Bar b = bar(BTC, i, 100 + 10 * Math.sin(i / 2.0), 0);
      push(b);
      var s = cross.onBar(BarInputs.core(b));
      expected.add(
          Signal.newBuilder()
              .setSignalId(SignalFunction.signalId(BTC, "cross", "1s", b.getEnd(), 0))
              .setInstrumentId(BTC)
              .setStrategyId("cross")
              .setDirection(
                  io.tickstream.schemas.avro.SignalDirection.valueOf(s.direction().name()))
              .setStrength(s.strength())
              .setReason(s.reason())
              .setBarSpec("1s")
              .setBarStart(b.getStart())
              .setBarEnd(b.getEnd())
              .setRevision(0)
              .setTsEvent(b.getEnd())
              .setTsInit(0)
              .build());
    }
    List<Signal> out = harness.extractOutputValues();
    assertThat(out).hasSize(90); // cross, rsi, ensemble on each bar
    assertThat(out.stream().filter(s -> s.getStrategyId().equals("cross")).map(this::noTsInit))
        .containsExactlyElementsOf(expected);
    assertThat(out).extracting(Signal::getSignalId).doesNotHaveDuplicates();
  }

  @Test
  void aRevisionThatChangesASignalEmitsTheNextRevisionOnlyForWhatChanged() throws Exception {
    harness = opened(Duration.ofSeconds(5));
    for (int i = 0; i < 10; i++) {
      push(bar(BTC, i, 100, 0)); // flat prices: the crossover stays FLAT
    }
    harness.processWatermark(T0 + 9_999);
    int before = harness.extractOutputValues().size();
    push(bar(BTC, 9, 130, 1)); // a late trade lifts the last close: fast average crosses above
    List<Signal> revised =
        harness.extractOutputValues().subList(before, harness.extractOutputValues().size());
    assertThat(revised).isNotEmpty();
    assertThat(revised).allSatisfy(s -> assertThat(s.getRevision()).isEqualTo(1));
    assertThat(revised).allSatisfy(s -> assertThat(s.getSignalId()).endsWith("/1"));
    assertThat(revised).extracting(Signal::getStrategyId).contains("cross");
    Signal cross =
        revised.stream().filter(s -> s.getStrategyId().equals("cross")).findFirst().get();
    assertThat(cross.getDirection()).isEqualTo(io.tickstream.schemas.avro.SignalDirection.LONG);
    assertThat(cross.getSignalId())
        .isEqualTo(BTC + "/cross/1s/" + bar(BTC, 9, 0, 0).getEnd() + "/1");

    // The same revision again changes nothing: nothing is emitted.
    int after = harness.extractOutputValues().size();
    push(bar(BTC, 9, 130, 2));
    assertThat(harness.extractOutputValues()).hasSize(after);
  }

  @Test
  void strategyStateIsClearedAfterTtl() throws Exception {
    harness = opened(Duration.ofSeconds(1), Duration.ofSeconds(10));
    for (int i = 0; i < 5; i++) {
      push(bar(BTC, i, 100 + i, 0));
    }
    harness.processWatermark(T0 + 15_000);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private Signal noTsInit(Signal s) {
    assertThat(s.getTsInit()).isPositive();
    return Signal.newBuilder(s).setTsInit(0).build();
  }

  private void push(Bar bar) throws Exception {
    harness.processElement(bar, WireBars.timestamp(bar));
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Bar, Signal> opened(
      Duration lateness) throws Exception {
    return opened(lateness, Duration.ofDays(1));
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Bar, Signal> opened(
      Duration lateness, Duration ttl) throws Exception {
    SignalPlan plan = AnalyticsJobConfig.fromMap(CONFIG).plan();
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new SignalFunction(plan, lateness, ttl)),
            new BarKey(),
            Types.STRING);
    h.open();
    return h;
  }
}
