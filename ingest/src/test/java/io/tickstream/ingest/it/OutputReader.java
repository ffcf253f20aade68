package io.tickstream.ingest.it;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the validator's three outputs with read_committed and checks them off {@link
 * ExpectedOutput}.
 */
final class OutputReader {
  record Result(long trades, long quotes, List<DeadLetter> deadLetters) {}

  private static final Duration QUIET = Duration.ofSeconds(3);

  private final String bootstrap;
  private final AvroWireCodec<TradeTick> trades;
  private final AvroWireCodec<QuoteTick> quotes;
  private final AvroWireCodec<DeadLetter> dlq;

  OutputReader(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.trades = new AvroWireCodec<>(Topics.TRADES, registryUrl);
    this.quotes = new AvroWireCodec<>(Topics.QUOTES, registryUrl);
    this.dlq = new AvroWireCodec<>(Topics.DEAD_LETTERS, registryUrl);
  }

  /**
   * Reads until the expected counts arrived and then nothing more for {@link #QUIET} (so extra
   * records, duplicates included, are seen too), or until {@code timeout}.
   */
  Result readUntil(ExpectedOutput expected, int deadLetters, Duration timeout) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5_000,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
            16 * 1024 * 1024);
    long t = 0;
    long q = 0;
    List<DeadLetter> dead = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (String topic :
          List.of(Topics.TRADES.name(), Topics.QUOTES.name(), Topics.DEAD_LETTERS.name())) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      long lastRecord = System.nanoTime();
      while (System.nanoTime() < deadline) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (r.topic().equals(Topics.TRADES.name())) {
            expected.seen(trades.decode(r.value()));
            t++;
          } else if (r.topic().equals(Topics.QUOTES.name())) {
            expected.seen(quotes.decode(r.value()));
            q++;
          } else {
            dead.add(dlq.decode(r.value()));
          }
        }
        long now = System.nanoTime();
        if (!records.isEmpty()) {
          lastRecord = now;
        }
        boolean complete =
            t >= expected.trades() && q >= expected.quotes() && dead.size() >= deadLetters;
        if (complete && now - lastRecord > QUIET.toNanos()) {
          break;
        }
      }
    }
    return new Result(t, q, dead);
  }
}
