package io.tickstream.infra.embedded.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted, single-partition Kafka topic {@code _schemas} that makes the registry durable:
 * every change is appended with {@code acks=all} before the registry answers, and the whole topic
 * is replayed on start.
 */
final class SchemasTopic implements AutoCloseable {
  static final String NAME = "_schemas";

  private static final Logger LOG = LoggerFactory.getLogger(SchemasTopic.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final TopicPartition PARTITION = new TopicPartition(NAME, 0);

  private final String bootstrapServers;
  private final KafkaProducer<String, String> producer;

  private SchemasTopic(String bootstrapServers, KafkaProducer<String, String> producer) {
    this.bootstrapServers = bootstrapServers;
    this.producer = producer;
  }

  /** Creates the topic unless it exists, and a producer for it. */
  static SchemasTopic open(String bootstrapServers) {
    ensureTopic(bootstrapServers);
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                TIMEOUT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis() / 2,
                ProducerConfig.CLIENT_ID_CONFIG,
                "schema-registry"),
            new StringSerializer(),
            new StringSerializer());
    return new SchemasTopic(bootstrapServers, producer);
  }

  private static void ensureTopic(String bootstrapServers) {
    NewTopic topic =
        new NewTopic(NAME, Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()))) {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("created topic {} (1 partition, compacted) at {}", NAME, bootstrapServers);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create topic " + NAME + " at " + bootstrapServers, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " did not create " + NAME + " within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + NAME, e);
    }
  }

  /**
   * Feeds every record from the beginning to the current end of the topic to {@code sink}, in
   * order; returns how many records were read.
   */
  long replay(Consumer<ConsumerRecord<String, String>> sink) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "schema-registry-replay"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION), TIMEOUT).get(PARTITION);
      long read = 0;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(PARTITION, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + NAME + " to offset " + end + " within " + TIMEOUT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          sink.accept(record);
          read++;
        }
      }
      return read;
    }
  }

  /**
   * Appends {@code change} and waits until every in-sync replica has it.
   *
   * @throws RegistryError (50001) when Kafka does not acknowledge the write
   */
  void append(SchemasTopicRecord change) {
    try {
      producer
          .send(new ProducerRecord<>(NAME, 0, change.key(), change.value()))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryError.storeError(
          "Error while storing to " + NAME + " at " + bootstrapServers + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeError("Interrupted while storing to " + NAME, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
