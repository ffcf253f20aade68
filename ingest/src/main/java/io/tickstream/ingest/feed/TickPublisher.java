package io.tickstream.ingest.feed;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records of one topic, keyed by instrument, with an idempotent producer ({@code
 * acks=all}): a retried send never duplicates a tick, and ticks of one instrument keep their order.
 */
public final class TickPublisher<V extends SpecificRecord> implements AutoCloseable {
  private final Topic<String, V> topic;
  private final KafkaProducer<String, V> producer;

  /**
   * @param topic where to publish
   * @param bootstrapServers Kafka bootstrap servers
   * @param registryUrl schema registry URL
   * @param overrides producer settings that replace the defaults (e.g. batch.size)
   */
  public TickPublisher(
      Topic<String, V> topic,
      String bootstrapServers,
      String registryUrl,
      Map<String, Object> overrides) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "tickstream-" + topic.name() + "-publisher");
    props.putAll(overrides);
    this.producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroWireSerializer<>(topic, registryUrl));
  }

  /** Sends one record keyed by {@code key} (the instrument id). */
  public Future<RecordMetadata> publish(String key, V value) {
    return producer.send(new ProducerRecord<>(topic.name(), key, value));
  }

  /** Blocks until every record sent so far is acknowledged. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
