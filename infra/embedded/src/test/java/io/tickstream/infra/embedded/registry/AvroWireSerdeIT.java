package io.tickstream.infra.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import io.tickstream.schemas.serde.WireFormatException;
import io.tickstream.schemas.serde.WireFormatException.Reason;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Confluent wire-format serde against a real broker and this registry. */
class AvroWireSerdeIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static SchemaRegistryServer registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    kafka.createTopics(1, Topics.TRADES.name(), Topics.TRADES_RAW.name());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static TradeTick tick(int n) {
    return TradeTick.newBuilder()
        .setInstrumentId("BTCUSD.BITSTAMP")
        .setPrice(new BigDecimal("64250.00000000").add(BigDecimal.valueOf(n, 8)))
        .setSize(new BigDecimal("0.01000000"))
        .setAggressorSide(n % 2 == 0 ? AggressorSide.BUYER : AggressorSide.SELLER)
        .setTradeId("t-" + n)
        .setTsEvent(1_700_000_000_000_000_000L + n)
        .setTsInit(1_700_000_000_000_000_000L + n + 1)
        .build();
  }

  private static KafkaConsumer<String, TradeTick> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new AvroWireDeserializer<>(Topics.TRADES, registry.url()));
  }

  @Test
  void ticksRoundTripThroughKafkaAndTheRegistry() throws Exception {
    List<TradeTick> sent = IntStream.range(0, 100).mapToObj(AvroWireSerdeIT::tick).toList();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.TRADES, registry.url()))) {
      for (TradeTick t : sent) {
        producer.send(new ProducerRecord<>(Topics.TRADES.name(), t.getInstrumentId(), t));
      }
      producer.flush();
    }

    List<TradeTick> received = new ArrayList<>();
    try (var consumer = consumer("round-trip")) {
      consumer.subscribe(List.of(Topics.TRADES.name()));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (received.size() < sent.size() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
      }
    }
    assertThat(received).containsExactlyElementsOf(sent);
    var client = new CachedSchemaRegistryClient(registry.url(), 10);
    assertThat(client.getAllVersions(Topics.TRADES.valueSubject())).containsExactly(1);
  }

  @Test
  void corruptedValuesRaiseWireFormatErrorsWithTheirReason() throws Exception {
    byte[] good = new AvroWireSerializer<>(Topics.TRADES, registry.url()).serialize("x", tick(1));
    byte[] unknownId = good.clone();
    ByteBuffer.wrap(unknownId).putInt(1, 9999);
    List<byte[]> values =
        List.of(
            "{\"price\":1}".getBytes(StandardCharsets.UTF_8),
            unknownId,
            Arrays.copyOf(good, 3),
            Arrays.copyOf(good, good.length - 4),
            good);
    String topic = Topics.TRADES_RAW.name();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }

    List<Reason> reasons = new ArrayList<>();
    TradeTick after = null;
    TopicPartition partition = new TopicPartition(topic, 0);
    try (var consumer = consumer("corrupted")) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (after == null && System.nanoTime() < deadline) {
        Throwable failure = null;
        List<ConsumerRecord<String, TradeTick>> batch = new ArrayList<>();
        try {
          consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
        } catch (RecordDeserializationException e) {
          failure = e;
          assertThat(e.topicPartition()).isEqualTo(partition);
          assertThat(e.valueBuffer().remaining()).isEqualTo(values.get((int) e.offset()).length);
          assertThat(e.getCause()).isInstanceOf(WireFormatException.class);
          reasons.add(((WireFormatException) e.getCause()).reason());
          consumer.seek(partition, e.offset() + 1);
        }
        if (failure == null && !batch.isEmpty()) {
          after = batch.get(0).value();
        }
      }
    }
    assertThat(reasons)
        .containsExactly(
            Reason.BAD_MAGIC_BYTE, Reason.UNKNOWN_SCHEMA_ID, Reason.TRUNCATED, Reason.TRUNCATED);
    assertThat(after).isEqualTo(tick(1));
  }
}
