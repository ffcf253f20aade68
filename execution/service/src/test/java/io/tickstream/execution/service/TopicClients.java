package io.tickstream.execution.service;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers and read_committed consumers of catalogue topics for the service's tests; closes the
 * ones it made.
 */
final class TopicClients implements AutoCloseable {
  private final String bootstrap;
  private final String registry;
  private final List<AutoCloseable> made = new ArrayList<>();

  TopicClients(String bootstrap, String registry) {
    this.bootstrap = bootstrap;
    this.registry = registry;
  }

  <V extends SpecificRecord> KafkaProducer<String, V> producer(Topic<String, V> topic) {
    KafkaProducer<String, V> p =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new StringSerializer(),
            new AvroWireSerializer<>(topic, registry));
    made.add(p);
    return p;
  }

  /** A consumer of {@code topic} from the start, reading committed records only. */
  <V extends SpecificRecord> KafkaConsumer<String, V> consumer(Topic<String, V> topic) {
    KafkaConsumer<String, V> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new AvroWireDeserializer<>(topic, registry));
    c.subscribe(List.of(topic.name()));
    made.add(c);
    return c;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : made) {
      c.close();
    }
  }
}
