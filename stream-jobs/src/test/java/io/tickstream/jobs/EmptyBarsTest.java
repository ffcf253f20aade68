package io.tickstream.jobs;

import static io.tickstream.jobs.TradeTicks.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstream.jobs.AnalyticsJobConfig.EmptyBars;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmptyBarsTest {
  private static final long T0 = 28_333_333L * 60_000;
  private static final String BTC = "BTCUSD.TEST";

  private KeyedOneInputStreamOperatorTestHarness<String, TradeTick, Bar> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void skipLeavesGaps() throws Exception {
    harness = opened(EmptyBars.SKIP, Duration.ZERO);
    push(trade(BTC, nanos(100), "100", "1"));
    push(trade(BTC, nanos(3_100), "101", "1"));
    harness.processWatermark(T0 + 3_999);
    assertThat(harness.extractOutputValues())
        .extracting(b -> b.getStart() / 1_000_000L - T0)
        .containsExactly(0L, 3_000L);
  }

  @Test
  void carryForwardEmitsFlatBarsAtTheLastCloseUntilTtlThenDropsItsState() throws Exception {
    harness = opened(EmptyBars.CARRY_FORWARD, Duration.ZERO);
    push(trade(BTC, nanos(100), "100", "1"));
    push(trade(BTC, nanos(900), "102", "1"));
    harness.processWatermark(T0 + 2_999);
    assertThat(harness.extractOutputValues())
        .extracting(b -> b.getStart() / 1_000_000L - T0, Bar::getTradeCount, Bar::getClose)
        .containsExactly(
            tuple(0L, 2L, dec("102")),
            tuple(1_000L, 0L, dec("102")),
            tuple(2_000L, 0L, dec("102")));
    Bar flat = harness.extractOutputValues().get(1);
    assertThat(List.of(flat.getOpen(), flat.getHigh(), flat.getLow(), flat.getVwap()))
        .containsOnly(dec("102"));
    assertThat(flat.getVolume()).isEqualTo(dec("0"));

    // TTL 5 s after the last trade (at 0.9 s): flat bars end with the one ending at 5 s.
    harness.processWatermark(T0 + 60_000);
    assertThat(harness.extractOutputValues()).hasSize(5);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aLateTradeIntoAFlatBarRevisesIt() throws Exception {
    harness = opened(EmptyBars.CARRY_FORWARD, Duration.ofSeconds(2));
    push(trade(BTC, nanos(100), "100", "1"));
    harness.processWatermark(T0 + 1_999);
    push(trade(BTC, nanos(1_500), "99", "2"));
    assertThat(harness.extractOutputValues())
        .extracting(b -> b.getStart() / 1_000_000L - T0, Bar::getRevision, Bar::getTradeCount)
        .containsExactly(tuple(0L, 0, 1L), tuple(1_000L, 0, 0L), tuple(1_000L, 1, 1L));
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v).setScale(8);
  }

  private void push(TradeTick trade) throws Exception {
    harness.processElement(trade, BarStage.eventTimeMillis(trade));
  }

  private static long nanos(long offsetMillis) {
    return (T0 + offsetMillis) * 1_000_000L;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, TradeTick, Bar> opened(
      EmptyBars emptyBars, Duration lateness) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new BarAggregator(
                    List.of(TimeBarSpec.parse("1s")),
                    lateness,
                    BarStage.LATE_TRADES,
                    emptyBars,
                    Duration.ofSeconds(5))),
            new BarStage.InstrumentKey(),
            Types.STRING);
    h.open();
    return h;
  }
}
