package io.tickstream.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
  @TempDir Path dir;

  @Test
  void producesAndConsumesAndKeepsDataAcrossRestart() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"))) {
      try (var admin = kafka.admin()) {
        var finalized = admin.describeFeatures().featureMetadata().get().finalizedFeatures();
        assertThat(finalized.get("transaction.version").maxVersionLevel())
            .as("Flink's exactly-once sink needs transaction protocol v1")
            .isEqualTo(EmbeddedKafka.TRANSACTION_VERSION);
      }
      kafka.createTopics(1, "t");
      try (var producer =
          new KafkaProducer<String, String>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("t", "k", "v1")).get();
      }
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        var consumer =
            new KafkaConsumer<String, String>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "g",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
      consumer.subscribe(List.of("t"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String value = null;
      while (value == null && System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          value = r.value();
        }
      }
      assertThat(value).isEqualTo("v1");
    }
  }
}
