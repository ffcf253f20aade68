package io.tickstream.api.stream;

import io.tickstream.schemas.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one channel of the {@link StreamHub} from its Kafka topic, on a thread of its own: live
 * only (every partition from its end, no consumer group, nothing committed), values decoded with
 * the Confluent wire-format deserializer. An undecodable record is skipped with a log line.
 */
public final class KafkaTopicFeed<V extends SpecificRecord> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final StreamChannel<V> channel;
  private final StreamHub hub;
  private final KafkaConsumer<String, V> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean assigned;

  /** Starts consuming {@code channel}'s topic. */
  public KafkaTopicFeed(
      StreamChannel<V> channel, StreamHub hub, String bootstrap, String registryUrl) {
    this.channel = channel;
    this.hub = hub;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "tickstream-api-" + channel.name() + "-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    this.consumer =
        new KafkaConsumer<>(
            p, new StringDeserializer(), new AvroWireDeserializer<>(channel.topic(), registryUrl));
    this.thread = new Thread(this::run, "api-feed-" + channel.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the topic's partitions are assigned and positioned at their end. */
  public boolean ready() {
    return assigned;
  }

  private void run() {
    try {
      while (running) {
        if (!assigned) {
          assign();
          continue;
        }
        try {
          for (ConsumerRecord<String, V> r : consumer.poll(POLL)) {
            if (r.value() != null) {
              hub.publish(channel.message(r.value()));
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "skipping undecodable record {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("live feed of {} stopped", channel.topic().name(), e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void assign() {
    List<PartitionInfo> partitions =
        consumer.partitionsFor(channel.topic().name(), Duration.ofSeconds(5));
    if (partitions == null || partitions.isEmpty()) {
      try {
        Thread.sleep(1_000); // the topic does not exist yet: look again shortly
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      return;
    }
    List<TopicPartition> tps =
        partitions.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(tps);
    consumer.seekToEnd(tps);
    tps.forEach(consumer::position); // resolve the end offsets now: "live from here"
    assigned = true;
    LOG.info("live feed of {} on {} partitions", channel.topic().name(), tps.size());
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
