package io.tickstream.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real broker and database of one sink IT class, with the producers and checks the tests share.
 * The schema registry is an in-memory one ({@code mock://}) private to the class.
 */
final class SinkStack implements AutoCloseable {
  /** Every topic the sink reads, two partitions each. */
  static final List<String> TOPICS =
      List.of(
          Topics.BARS.name(),
          Topics.INSTRUMENTS.name(),
          Topics.DEAD_LETTERS.name(),
          Topics.TRADES.name(),
          Topics.QUOTES.name(),
          Topics.FEATURES.name(),
          Topics.SIGNALS.name(),
          Topics.ORDER_EVENTS.name(),
          Topics.POSITIONS.name(),
          Topics.PORTFOLIO_SNAPSHOTS.name());

  final EmbeddedKafka kafka;
  final TestDatabase db;
  final SchemaRegistryServer registry;
  final String registryUrl;
  private final KafkaProducer<String, Bar> bars;
  private final KafkaProducer<String, byte[]> raw;
  private final KafkaProducer<String, Instrument> instruments;

  SinkStack(Path dir) {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(2, TOPICS.toArray(String[]::new));
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    registryUrl = registry.url();
    db = TestDatabase.start(dir.resolve("pg"));
    bars =
        new KafkaProducer<>(
            producerProps(),
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.BARS, registryUrl));
    raw = new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer());
    instruments =
        new KafkaProducer<>(
            producerProps(),
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.INSTRUMENTS, registryUrl));
  }

  private Map<String, Object> producerProps() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.LINGER_MS_CONFIG,
        5);
  }

  /** A sink configuration for this stack: small batches, fast retries. */
  SinkConfig config(String groupId, int maxBatchRows) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", kafka.bootstrapServers());
    p.setProperty("schema.registry.url", registryUrl);
    p.setProperty("jdbc.url", db.jdbcUrl());
    p.setProperty("jdbc.user", db.user());
    p.setProperty("group.id", groupId);
    p.setProperty("max.batch.rows", String.valueOf(maxBatchRows));
    p.setProperty("poll.timeout.ms", "100");
    p.setProperty("retry.backoff.min.ms", "50");
    p.setProperty("retry.backoff.max.ms", "1000");
    p.setProperty("http.port", "0");
    return SinkConfig.fromProperties(p);
  }

  /** A started service reading as {@code groupId}. */
  SinkService startSink(String groupId, int maxBatchRows) {
    SinkService sink = new SinkService(config(groupId, maxBatchRows), new SimpleMeterRegistry());
    sink.start();
    return sink;
  }

  /** Sends bars keyed by instrument and waits for the broker's acknowledgement. */
  void send(List<Bar> values) {
    for (Bar b : values) {
      bars.send(new ProducerRecord<>(Topics.BARS.name(), b.getInstrumentId(), b));
    }
    bars.flush();
  }

  /** Sends instruments keyed by id and waits for the broker's acknowledgement. */
  void sendInstruments(List<Instrument> values) {
    for (Instrument i : values) {
      instruments.send(new ProducerRecord<>(Topics.INSTRUMENTS.name(), i.getInstrumentId(), i));
    }
    instruments.flush();
  }

  /** Sends values of any topic, encoded by the real serializer, and waits for the broker. */
  <V extends SpecificRecord> void sendTo(Topic<String, V> topic, Map<String, V> byKey) {
    try (var producer =
        new KafkaProducer<>(
            producerProps(),
            new StringSerializer(),
            new AvroWireSerializer<>(topic, registryUrl))) {
      byKey.forEach((k, v) -> producer.send(new ProducerRecord<>(topic.name(), k, v)));
      producer.flush();
    }
  }

  /** Sends values of any topic, keyed by {@code key}, and waits for the broker. */
  <V extends SpecificRecord> void sendTo(
      Topic<String, V> topic, List<V> values, java.util.function.Function<V, String> key) {
    try (var producer =
        new KafkaProducer<>(
            producerProps(),
            new StringSerializer(),
            new AvroWireSerializer<>(topic, registryUrl))) {
      values.forEach(v -> producer.send(new ProducerRecord<>(topic.name(), key.apply(v), v)));
      producer.flush();
    }
  }

  /** The Confluent-framed bytes the real serializer writes for {@code value}. */
  <V extends SpecificRecord> byte[] encode(Topic<String, V> topic, V value) {
    try (var s = new AvroWireSerializer<>(topic, registryUrl)) {
      return s.serialize(topic.name(), value);
    }
  }

  /** Sends raw value bytes to md.bars. */
  void sendRaw(String key, byte[] value) {
    sendRaw(Topics.BARS.name(), key, value);
  }

  /** Sends raw value bytes to {@code topic}. */
  void sendRaw(String topic, String key, byte[] value) {
    try {
      raw.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Confluent-framed bytes the real serializer writes for {@code bar}. */
  byte[] encode(Bar bar) {
    try (var s = new AvroWireSerializer<>(Topics.BARS, registryUrl)) {
      return s.serialize(Topics.BARS.name(), bar);
    }
  }

  /** Has {@code groupId} committed offsets at the end of every topic the sink reads? */
  boolean caughtUp(String groupId) throws Exception {
    try (Admin admin = kafka.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (String topic : TOPICS) {
        for (int p = 0; p < 2; p++) {
          latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      var ends = admin.listOffsets(latest).all().get();
      for (var e : ends.entrySet()) {
        long end = e.getValue().offset();
        OffsetAndMetadata c = committed.get(e.getKey());
        if (end > 0 && (c == null || c.offset() < end)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Sum of the offsets {@code groupId} committed: the records it has stored, when all are new. */
  long committedRecords(String groupId) throws Exception {
    try (Admin admin = kafka.admin()) {
      return admin
          .listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata()
          .get()
          .values()
          .stream()
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    }
  }

  /** Every dead letter on md.dlq so far. */
  List<DeadLetter> deadLetters() {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlq-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<DeadLetter> out = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new AvroWireDeserializer<>(Topics.DEAD_LETTERS, registryUrl))) {
      List<TopicPartition> parts =
          List.of(
              new TopicPartition(Topics.DEAD_LETTERS.name(), 0),
              new TopicPartition(Topics.DEAD_LETTERS.name(), 1));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("md.dlq not read to its end within 20 s");
        }
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(r.value());
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    bars.close();
    raw.close();
    instruments.close();
    if (db != null) {
      db.close();
    }
    registry.close();
    kafka.close();
  }
}
