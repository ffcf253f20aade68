package io.tickstream.ingest.validate;

import io.tickstream.schemas.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The validation topology: {@code md.trades.raw} → {@code md.trades}, {@code md.quotes.raw} →
 * {@code md.quotes}, rejects → {@code md.dlq}, with the instruments of {@code md.instruments} in a
 * global store.
 *
 * <pre>
 * md.trades.raw ─(byte[])─> validate-trades ──> md.trades
 *                                 └───────────┐
 * md.quotes.raw ─(byte[])─> validate-quotes ──┴─> md.dlq
 *                                 └──────────────> md.quotes
 * md.instruments ─(raw bytes)─> global store "instruments"
 * </pre>
 *
 * <p>Every store is in-memory (changelogged where it is local state): the validator may share a JVM
 * with Flink, whose RocksDB build clashes with Kafka Streams' (see STACK.md). Values are consumed
 * as bytes and decoded inside the processors, so an undecodable record becomes a dead letter and
 * never stops the application.
 */
public final class ValidationTopology {
  /** Tag of trade verdicts in metrics. */
  public static final String TRADES_STREAM = "trades";

  /** Tag of quote verdicts in metrics. */
  public static final String QUOTES_STREAM = "quotes";

  static final String INSTRUMENT_STORE = "instruments";
  static final String TRADE_ID_STORE = "trade-ids";
  static final String PRICE_STORE = "trade-reference-prices";
  static final String TRADES_SINK = "trades-out";
  static final String QUOTES_SINK = "quotes-out";
  static final String DLQ_SINK = "dlq-out";

  private ValidationTopology() {}

  /**
   * Builds the topology.
   *
   * @param rules the limits of the rules
   * @param registryUrl schema registry of all topics ({@code mock://scope} in unit tests)
   * @param clock the clock {@code tsEvent} is compared with (FUTURE_TIMESTAMP)
   * @param listener told about every verdict (metrics)
   */
  public static Topology topology(
      ValidationRules rules, String registryUrl, Clock clock, ValidationListener listener) {
    ValidationCodecs codecs = new ValidationCodecs(registryUrl);
    Topology t = new Topology();

    t.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(INSTRUMENT_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        "instruments-source",
        new StringDeserializer(),
        new ByteArrayDeserializer(),
        Topics.INSTRUMENTS.name(),
        "instruments-mirror",
        InstrumentMirror::new);

    t.addSource(
        "trades-raw",
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer(),
        Topics.TRADES_RAW.name());
    t.addSource(
        "quotes-raw",
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer(),
        Topics.QUOTES_RAW.name());
    t.addProcessor(
        "validate-trades",
        () -> new TradeValidationProcessor(rules, codecs, clock, listener),
        "trades-raw");
    t.addProcessor(
        "validate-quotes",
        () -> new QuoteValidationProcessor(rules, codecs, clock, listener),
        "quotes-raw");

    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(TRADE_ID_STORE), Serdes.String(), Serdes.Long()),
        "validate-trades");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PRICE_STORE), Serdes.String(), Serdes.String())
            .withCachingEnabled(),
        "validate-trades");

    t.addSink(
        TRADES_SINK,
        Topics.TRADES.name(),
        new StringSerializer(),
        new ByteArraySerializer(),
        "validate-trades");
    t.addSink(
        QUOTES_SINK,
        Topics.QUOTES.name(),
        new StringSerializer(),
        new ByteArraySerializer(),
        "validate-quotes");
    t.addSink(
        DLQ_SINK,
        Topics.DEAD_LETTERS.name(),
        new StringSerializer(),
        new ByteArraySerializer(),
        "validate-trades",
        "validate-quotes");
    return t;
  }

  /**
   * Keeps the global store an exact copy of {@code md.instruments}: raw value bytes per key, a
   * tombstone deletes. Restoration after a restart copies the topic's bytes the same way, so the
   * store's content does not depend on how it was filled.
   */
  private static final class InstrumentMirror implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(INSTRUMENT_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
