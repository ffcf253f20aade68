package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Trades, quotes, latest prices, dead letters from md.dlq and the 1-minute view land exactly once:
 * a poison trade becomes one dead letter, a second consumer group re-reading everything changes
 * nothing, and a sink that dies between database commit and offset commit repairs on restart.
 */
class TicksExactlyOnceIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static DeadLetter letter(String topic, int partition, long offset, String value) {
    return DeadLetter.newBuilder()
        .setReasonCode("CROSSED_QUOTE")
        .setMessage("bid above ask")
        .setStage("ingest-validator")
        .setOriginalKey(ByteBuffer.wrap("k".getBytes(StandardCharsets.UTF_8)))
        .setOriginalValue(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)))
        .setSourceTopic(topic)
        .setSourcePartition(partition)
        .setSourceOffset(offset)
        .setTsInit(TestTicks.T0)
        .build();
  }

  @Test
  void ticksLandOnceAPoisonTradeIsDeadLetteredAndRedeliveryChangesNothing() throws Exception {
    List<TradeTick> trades = TestTicks.trades("EX", 3, 60);
    List<QuoteTick> quotes = TestTicks.quotes("EX", 2, 40);
    TradeTick poison =
        TradeTick.newBuilder(TestTicks.trade("EX-0", 999, "1")).setTradeId("bad\u0000id").build();
    List<TradeTick> sent = new ArrayList<>(trades.subList(0, 90));
    sent.add(poison);
    sent.addAll(trades.subList(90, 180));
    sent.addAll(trades.subList(0, 30)); // a producer retry: the same trades again
    stack.sendTo(Topics.TRADES, sent, t -> t.getInstrumentId().toString());
    stack.sendTo(Topics.QUOTES, quotes, q -> q.getInstrumentId().toString());
    stack.sendTo(Topics.QUOTES, quotes.subList(0, 10), q -> q.getInstrumentId().toString());
    DeadLetter located = letter("md.quotes.raw", 1, 42, "crossed");
    DeadLetter fromFile = letter(null, -1, -1, "a,b,c");
    stack.sendTo(
        Topics.DEAD_LETTERS, List.of(located, located, fromFile, fromFile), d -> "EX-letter");

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (SinkService sink = new SinkService(stack.config("ex-1", 50), meters)) {
      sink.start();
      await().atMost(WAIT).until(() -> stack.caughtUp("ex-1"));
      // The sink's own dead letter goes through md.dlq into the table as well.
      await().atMost(WAIT).until(() -> deadLetterRows().size() == 3 && stack.caughtUp("ex-1"));
    }
    DataSource db = stack.db.dataSource();
    List<String> tables = snapshot(db);
    assertThat(TestTicks.tradeRows(db, "EX-")).isEqualTo(TestTicks.expectedTrades(trades));
    assertThat(TestTicks.quoteRows(db, "EX-")).isEqualTo(TestTicks.expectedQuotes(quotes));
    assertThat(TestTicks.latestRows(db, "EX-")).isEqualTo(TestTicks.expectedLatest(trades));
    assertThat(TestTicks.minuteRows(db, "EX-")).isEqualTo(TestTicks.expectedMinutes(trades));
    List<DeadLetter> letters = stack.deadLetters();
    assertThat(letters.stream().filter(d -> d.getStage().equals("sink")))
        .singleElement()
        .satisfies(d -> assertThat(d.getReasonCode()).isEqualTo("DB_REJECTED"));
    assertThat(deadLetterRows())
        .containsExactlyInAnyOrder(
            "ingest-validator|md.quotes.raw|1|42|f",
            "ingest-validator|null|-1|-1|t",
            "sink|md.trades|p|o|f");
    assertThat(meters.get("tickstream.sink.consumer.lag").gauge().value()).isNotNegative();

    // A second group re-reads every record: the same upserts again, the same tables.
    try (SinkService again = stack.startSink("ex-2", 17)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("ex-2"));
    }
    assertThat(snapshot(db)).isEqualTo(tables);
  }

  @Test
  void aCrashBetweenDatabaseCommitAndOffsetCommitIsRepairedOnRestart() throws Exception {
    List<TradeTick> trades = TestTicks.trades("CK", 2, 150);
    List<QuoteTick> quotes = TestTicks.quotes("CK", 2, 100);
    stack.sendTo(Topics.TRADES, trades, t -> t.getInstrumentId().toString());
    stack.sendTo(Topics.QUOTES, quotes, q -> q.getInstrumentId().toString());
    AtomicInteger commits = new AtomicInteger();
    SinkService first = new SinkService(stack.config("ck", 20), new SimpleMeterRegistry());
    first.afterDatabaseCommit(
        () -> {
          if (commits.incrementAndGet() == 6) {
            throw new SinkCrashIT.SimulatedCrash();
          }
        });
    first.start();
    await().atMost(WAIT).until(() -> first.state() == SinkService.State.FAILED);
    first.close();
    DataSource db = stack.db.dataSource();
    // Six batches are in the tables, the offsets of the sixth are not committed.
    assertThat(TestTicks.tradeRows(db, "CK-").size() + TestTicks.quoteRows(db, "CK-").size())
        .isPositive()
        .isLessThan(500);
    assertThat(stack.caughtUp("ck")).isFalse();

    try (SinkService second = stack.startSink("ck", 20)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("ck"));
    }
    assertThat(TestTicks.tradeRows(db, "CK-")).isEqualTo(TestTicks.expectedTrades(trades));
    assertThat(TestTicks.quoteRows(db, "CK-")).isEqualTo(TestTicks.expectedQuotes(quotes));
    assertThat(TestTicks.latestRows(db, "CK-")).isEqualTo(TestTicks.expectedLatest(trades));
  }

  private static List<String> snapshot(DataSource db) throws Exception {
    List<String> all = new ArrayList<>();
    all.addAll(TestTicks.tradeRows(db, "EX-"));
    all.addAll(TestTicks.quoteRows(db, "EX-"));
    all.addAll(TestTicks.latestRows(db, "EX-"));
    all.addAll(TestTicks.minuteRows(db, "EX-"));
    all.addAll(deadLetterRows());
    return all;
  }

  /** Dead-letter rows as stage|topic|partition|offset|has digest (sink coordinates masked). */
  private static List<String> deadLetterRows() throws Exception {
    return TestTicks.query(
        stack.db.dataSource(),
        "SELECT stage, coalesce(source_topic, 'null'),"
            + " CASE WHEN stage = 'sink' THEN 'p' ELSE source_partition::text END,"
            + " CASE WHEN stage = 'sink' THEN 'o' ELSE source_offset::text END,"
            + " original_digest IS NOT NULL FROM dead_letters ORDER BY id");
  }
}
