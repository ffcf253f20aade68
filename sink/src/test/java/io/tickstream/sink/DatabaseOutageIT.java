package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL killed ({@code pg_ctl -m immediate stop}) five times while the sink writes bars,
 * trades and quotes: each time the sink waits, retries and catches up, and the tables end up
 * exactly as if nothing had happened.
 */
class DatabaseOutageIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int OUTAGES = 5;

  @Test
  void fiveImmediateStopsDuringWritesLeaveExactlyTheRowsSent() throws Exception {
    assumeTrue(stack.db.canCrash(), TestDatabase.TIMESCALE_PGCTL_ENV + " not set");
    List<Bar> bars = TestBars.series("PG", 4, 100);
    List<TradeTick> trades = TestTicks.trades("PG", 3, 200);
    List<QuoteTick> quotes = TestTicks.quotes("PG", 2, 100);
    stack.send(bars);
    stack.sendTo(Topics.TRADES, trades, t -> t.getInstrumentId().toString());
    stack.sendTo(Topics.QUOTES, quotes, q -> q.getInstrumentId().toString());

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AtomicInteger commits = new AtomicInteger();
    Semaphore crashed = new Semaphore(0);
    try (SinkService sink = new SinkService(stack.config("pg", 20), meters)) {
      // Kill the server right after every fifth transaction, on the sink's own thread: the
      // outages hit the middle of the stream whatever the timing of the machine.
      sink.afterDatabaseCommit(
          () -> {
            int n = commits.incrementAndGet();
            if (n % 5 == 0 && n / 5 <= OUTAGES) {
              stack.db.crash();
              crashed.release();
            }
          });
      sink.start();
      for (int outage = 1; outage <= OUTAGES; outage++) {
        assertThat(crashed.tryAcquire(60, TimeUnit.SECONDS)).as("outage " + outage).isTrue();
        await().atMost(WAIT).until(() -> sink.state() == SinkService.State.RETRYING);
        long committedAtOutage = stack.committedRecords("pg");
        double retries = meters.get("tickstream.sink.retries").counter().count();
        await()
            .atMost(WAIT)
            .until(() -> meters.get("tickstream.sink.retries").counter().count() >= retries + 1);
        assertThat(stack.committedRecords("pg"))
            .as("no offsets advance while down")
            .isEqualTo(committedAtOutage);
        stack.db.restart();
      }
      await().atMost(WAIT).until(() -> stack.caughtUp("pg"));
      assertThat(sink.state()).isEqualTo(SinkService.State.RUNNING);
    }
    assertThat(commits.get()).isGreaterThan(5 * OUTAGES);
    var db = stack.db.dataSource();
    assertThat(TestBars.rows(db, "PG-")).hasSize(400).isEqualTo(TestBars.expectedRows(bars));
    assertThat(TestTicks.tradeRows(db, "PG-"))
        .hasSize(600)
        .isEqualTo(TestTicks.expectedTrades(trades));
    assertThat(TestTicks.quoteRows(db, "PG-")).isEqualTo(TestTicks.expectedQuotes(quotes));
    assertThat(TestTicks.latestRows(db, "PG-")).isEqualTo(TestTicks.expectedLatest(trades));
  }
}
