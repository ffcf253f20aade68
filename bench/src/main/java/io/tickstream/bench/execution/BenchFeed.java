package io.tickstream.bench.execution;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Signals and quotes for the execution benchmark. Signal {@code n} is for instrument {@code n mod
 * instruments} (one strategy each) and flips its direction every time, so every signal needs an
 * order; a quote of the instrument follows each signal, so the order fills and the working set
 * stays small. Signals carry their send time (epoch nanos) in {@code tsInit}.
 */
final class BenchFeed implements AutoCloseable {
  static final long T0 = 1_767_225_600_000_000_000L;
  private static final BigDecimal SIZE = new BigDecimal("1000000.00000000");

  private final int instruments;
  private final KafkaProducer<String, Signal> signals;
  private final KafkaProducer<String, QuoteTick> quotes;
  private long sequence;

  /**
   * @param firstSequence number of the first signal (a later phase continues an earlier one's)
   * @param lingerMs producer linger: batching for throughput, 0 for latency
   */
  BenchFeed(String bootstrap, String registry, int instruments, long firstSequence, int lingerMs) {
    this.instruments = instruments;
    this.sequence = firstSequence;
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.LINGER_MS_CONFIG,
            lingerMs,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024,
            ProducerConfig.ACKS_CONFIG,
            "1");
    signals =
        new KafkaProducer<>(
            config, new StringSerializer(), new AvroWireSerializer<>(Topics.SIGNALS, registry));
    quotes =
        new KafkaProducer<>(
            config, new StringSerializer(), new AvroWireSerializer<>(Topics.QUOTES, registry));
  }

  static String instrument(int i) {
    return "SYM" + i + ".SIM";
  }

  /** One quote per instrument, before any signal: the reference prices. */
  void openingQuotes() {
    for (int i = 0; i < instruments; i++) {
      quote(i, T0);
    }
    quotes.flush();
  }

  /** Sends the next signal and its instrument's next quote; returns the signal id. */
  String next() {
    long n = sequence++;
    int i = (int) (n % instruments);
    long round = n / instruments;
    long barEnd = T0 + (round + 1) * 60_000_000_000L;
    String id = instrument(i);
    String strategy = "s" + i;
    Signal s =
        Signal.newBuilder()
            .setSignalId(id + "/" + strategy + "/1m/" + barEnd + "/0")
            .setInstrumentId(id)
            .setStrategyId(strategy)
            .setDirection(round % 2 == 0 ? SignalDirection.LONG : SignalDirection.SHORT)
            .setStrength(1.0)
            .setReason("bench")
            .setBarSpec("1m")
            .setBarStart(barEnd - 60_000_000_000L)
            .setBarEnd(barEnd)
            .setRevision(0)
            .setTsEvent(barEnd)
            .setTsInit(nowNanos())
            .build();
    signals.send(new ProducerRecord<>(Topics.SIGNALS.name(), id, s));
    // Later than the signal's tsInit (both wall clock), so the order fills on it.
    quote(i, nowNanos() + 1);
    return s.getSignalId();
  }

  private void quote(int i, long tsEvent) {
    String id = instrument(i);
    QuoteTick q =
        QuoteTick.newBuilder()
            .setInstrumentId(id)
            .setBidPrice(new BigDecimal("99.99000000"))
            .setAskPrice(new BigDecimal("100.01000000"))
            .setBidSize(SIZE)
            .setAskSize(SIZE)
            .setTsEvent(tsEvent)
            .setTsInit(tsEvent)
            .build();
    quotes.send(new ProducerRecord<>(Topics.QUOTES.name(), id, q));
  }

  /** Number of the next signal. */
  long sequence() {
    return sequence;
  }

  void flush() {
    signals.flush();
    quotes.flush();
  }

  static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public void close() {
    signals.close();
    quotes.close();
  }
}
