package io.tickstream.sink;

import static io.tickstream.sink.TestBars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimistic fast path (a direct COPY into the table) and its fallback: new rows go the fast
 * way (no fallback counted); a redelivered batch of trades and bars, and a revised bar, make the
 * direct COPY fail on the primary key, and the batch is written again through staging and merge
 * with the right rows: redelivered trades once, the highest revision of a bar.
 */
class FastPathFallbackIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aRedeliveredBatchAndARevisedBarFallBackToTheMergeAndGiveTheRightRows() throws Exception {
    List<TradeTick> trades = TestTicks.trades("FP", 2, 30);
    List<Bar> bars = TestBars.series("FP", 2, 10);
    stack.sendTo(Topics.TRADES, trades, t -> t.getInstrumentId().toString());
    stack.send(bars);
    SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
    List<Bar> late = List.of(bar("FP-0", 3, 2, "222"), bar("FP-1", 4, 1, "111"));
    try (SinkService sink = new SinkService(stack.config("fp-1", 500), firstMeters)) {
      sink.start();
      await().atMost(WAIT).until(() -> stack.caughtUp("fp-1"));
      assertThat(fallbacks(firstMeters, "trades") + fallbacks(firstMeters, "bars")).isZero();
      assertThat(TestTicks.tradeRows(stack.db.dataSource(), "FP-"))
          .isEqualTo(TestTicks.expectedTrades(trades));
      assertThat(TestBars.rows(stack.db.dataSource(), "FP-"))
          .isEqualTo(TestBars.expectedRows(bars));

      // Two revised bars: their keys are stored, so the direct COPY fails and the merge wins.
      stack.send(late);
      await().atMost(WAIT).until(() -> stack.caughtUp("fp-1"));
      assertThat(fallbacks(firstMeters, "bars")).isPositive();
    }
    List<Bar> all = new ArrayList<>(bars);
    all.addAll(late);
    List<String> expectedBars = TestBars.expectedRows(all);
    assertThat(TestBars.rows(stack.db.dataSource(), "FP-"))
        .isEqualTo(expectedBars)
        .contains(TestBars.row(bar("FP-0", 3, 2, "222")), TestBars.row(bar("FP-1", 4, 1, "111")));

    // A second group re-reads everything in small batches: each a redelivery that falls back.
    SimpleMeterRegistry againMeters = new SimpleMeterRegistry();
    try (SinkService again = new SinkService(stack.config("fp-2", 20), againMeters)) {
      again.start();
      await().atMost(WAIT).until(() -> stack.caughtUp("fp-2"));
    }
    assertThat(fallbacks(againMeters, "trades")).isPositive();
    assertThat(fallbacks(againMeters, "bars")).isPositive();
    assertThat(TestTicks.tradeRows(stack.db.dataSource(), "FP-"))
        .isEqualTo(TestTicks.expectedTrades(trades));
    assertThat(TestBars.rows(stack.db.dataSource(), "FP-")).isEqualTo(expectedBars);
  }

  private static double fallbacks(MeterRegistry meters, String table) {
    Counter c = meters.find("tickstream.sink.copy.fallbacks").tag("table", table).counter();
    return c == null ? 0 : c.count();
  }
}
