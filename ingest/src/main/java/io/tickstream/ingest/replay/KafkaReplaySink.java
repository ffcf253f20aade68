package io.tickstream.ingest.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.ingest.dlq.DeadLetters;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.util.Map;

/**
 * Publishes a replay to Kafka: trades to {@code md.trades.raw}, quotes to {@code md.quotes.raw},
 * dead letters to {@code md.dlq}. A publisher is opened on first use, so a trade file never
 * registers the quote schema. {@link #close()} flushes everything.
 */
public final class KafkaReplaySink implements ReplaySink, AutoCloseable {
  private final String bootstrap;
  private final String registryUrl;
  private final MeterRegistry meters;
  private TickPublisher<TradeTick> trades;
  private TickPublisher<QuoteTick> quotes;
  private TickPublisher<DeadLetter> deadLetters;

  /** A sink for the cluster at {@code bootstrap} and the registry at {@code registryUrl}. */
  public KafkaReplaySink(String bootstrap, String registryUrl, MeterRegistry meters) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.meters = meters;
  }

  @Override
  public void trade(TradeTick t) {
    if (trades == null) {
      trades = new TickPublisher<>(Topics.TRADES_RAW, bootstrap, registryUrl, Map.of(), meters);
    }
    trades.publish(t.getInstrumentId(), t);
  }

  @Override
  public void quote(QuoteTick q) {
    if (quotes == null) {
      quotes = new TickPublisher<>(Topics.QUOTES_RAW, bootstrap, registryUrl, Map.of(), meters);
    }
    quotes.publish(q.getInstrumentId(), q);
  }

  @Override
  public void deadLetter(DeadLetter d) {
    if (deadLetters == null) {
      deadLetters =
          new TickPublisher<>(Topics.DEAD_LETTERS, bootstrap, registryUrl, Map.of(), meters);
    }
    deadLetters.publish(DeadLetters.keyOf(d), d);
  }

  /** Records that failed to publish so far, over all topics. */
  public long failed() {
    long n = 0;
    for (TickPublisher<?> p : new TickPublisher<?>[] {trades, quotes, deadLetters}) {
      n += p == null ? 0 : p.failed();
    }
    return n;
  }

  @Override
  public void close() {
    for (TickPublisher<?> p : new TickPublisher<?>[] {trades, quotes, deadLetters}) {
      if (p != null) {
        p.flush();
        p.close();
      }
    }
  }
}
