package io.tickstream.bench.flink;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.jobs.AnalyticsJobConfig;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializationSchema;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded broker and registry holding a pre-filled {@code md.trades} for the bench. */
final class KafkaTrades implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTrades.class);

  private final EmbeddedKafka kafka;
  private final SchemaRegistryServer registry;

  private KafkaTrades(EmbeddedKafka kafka, SchemaRegistryServer registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  static KafkaTrades start(Path dir) {
    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(FlinkBench.PARALLELISM, Topics.TRADES.name());
    return new KafkaTrades(kafka, SchemaRegistryServer.start(0, kafka.bootstrapServers()));
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
  }

  /** Writes {@code ticks} synthetic trades (1 µs apart in event time) over the instruments. */
  void fill(long ticks, int instruments) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    long start = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli() * 1_000_000L;
    SyntheticTrades trades = new SyntheticTrades(instruments, start, 1_000, false);
    trades.open(null);
    long began = System.nanoTime();
    try (var producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.TRADES, registry.url()))) {
      for (long n = 0; n < ticks; n++) {
        TradeTick t = trades.map(n);
        producer.send(new ProducerRecord<>(Topics.TRADES.name(), t.getInstrumentId(), t));
      }
    }
    LOG.info(
        "pre-filled {} with {} trades in {} ms",
        Topics.TRADES.name(),
        ticks,
        (System.nanoTime() - began) / 1_000_000);
  }

  /** The trades from the beginning up to the offsets at job start, then the source finishes. */
  KafkaSource<TradeTick> boundedSource(AnalyticsJobConfig cfg) {
    return KafkaSource.<TradeTick>builder()
        .setBootstrapServers(kafka.bootstrapServers())
        .setTopics(Topics.TRADES.name())
        .setGroupId("flink-bench")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(
            new AvroWireDeserializationSchema<>(Topics.TRADES, cfg.registryUrl()))
        .build();
  }

  @Override
  public void close() {
    registry.close();
    kafka.close();
  }
}
