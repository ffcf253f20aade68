package io.tickstream.bench.execution;

import io.tickstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The floor the service stands on, measured in the same run on the same broker: a Kafka Streams app
 * with the service's shape (signals, a repartition by key, an output topic: two exactly-once hops)
 * and settings (commit interval, threads, linger), doing no work. The service's throughput over
 * this one is the figure that survives a loaded machine.
 */
final class EosBaseline {
  private static final String OUTPUT = "bench.execution.baseline";

  private EosBaseline() {}

  /**
   * Passes the {@code count} signals already in the topic through; returns records per second.
   * Fails once {@link System#nanoTime} passes {@code deadline}.
   */
  static double run(
      String bootstrap, Path stateDir, int count, int commitMs, int threads, long deadline)
      throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(OUTPUT, 2, (short) 1))).all().get();
    }
    StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.SIGNALS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .repartition(
            Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                .withName("baseline")
                .withNumberOfPartitions(2))
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "execution-bench-baseline");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitMs);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
    KafkaStreams streams = new KafkaStreams(b.build(), p);
    try (KafkaConsumer<byte[], byte[]> out =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      out.subscribe(List.of(OUTPUT));
      streams.start();
      long first = 0;
      long last = 0;
      int seen = 0;
      while (seen < count) {
        int n = out.poll(Duration.ofMillis(20)).count();
        if (n > 0) {
          last = System.nanoTime();
          first = first == 0 ? last : first;
          seen += n;
        }
        if (streams.state() == KafkaStreams.State.ERROR
            || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException("baseline app stopped: " + streams.state());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "baseline failed: the run's deadline (--deadline-s) passed with "
                  + seen
                  + " of "
                  + count
                  + " signals through");
        }
      }
      return count / ((last - first) / 1e9);
    } finally {
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(30)));
    }
  }
}
