package io.tickstream.execution.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.topology.ExecutionMetrics;
import io.tickstream.execution.service.topology.ExecutionTopology;
import io.tickstream.execution.service.venue.VenueFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the execution topology: Kafka Streams with exactly-once v2, its metrics
 * bound to a registry. A processing error replaces the stream thread, which resumes from the last
 * commit (so an order whose fate was unknown is reconciled again).
 */
public final class ExecutionService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  /**
   * Builds (does not start) the service.
   *
   * @param config the configuration
   * @param venues creates each account's venue
   * @param registry where metrics go
   * @param onError what to do with an exception that escapes processing
   */
  public ExecutionService(
      ServiceConfig config,
      VenueFactory venues,
      MeterRegistry registry,
      StreamsUncaughtExceptionHandler onError) {
    Objects.requireNonNull(onError, "onError");
    streams =
        new KafkaStreams(
            ExecutionTopology.topology(
                config.trading(),
                venues,
                config.schemaRegistryUrl(),
                new ExecutionMetrics(registry)),
            properties(config));
    streams.setUncaughtExceptionHandler(onError);
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  /** Builds a service that replaces a failed stream thread (the production default). */
  public ExecutionService(ServiceConfig config, VenueFactory venues, MeterRegistry registry) {
    this(
        config,
        venues,
        registry,
        e -> {
          LOG.error("stream thread failed; replacing it (resumes from the last commit)", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  /** The Kafka Streams settings of {@code config}. */
  static Properties properties(ServiceConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    // Under exactly-once a read_committed consumer sees a record only once its transaction commits,
    // and a commit flushes the producer first: lingering up to the commit interval costs no visible
    // latency, and sends each partition's records of one transaction as one batch (far fewer
    // produce
    // requests, the broker's largest cost in the benchmark).
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), config.commitIntervalMs());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
    // A crashed instance's partitions move after 6 s (the broker's minimum), not the default 45.
    // A clean stop leaves the group at once (close), so only a crash waits for this timeout.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
    // Reconciling an order may block a thread for the reconcile deadline.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), 300_000);
    return p;
  }

  /** Starts processing. */
  public void start() {
    streams.start();
  }

  /** The Streams instance's state (RUNNING, REBALANCING, ERROR, ...). */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The Streams instance, for tests and ops. */
  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Stops processing and leaves the consumer group, so the partitions move to another instance (or
   * a restart of this one) at once instead of after the session timeout. Kafka Streams stays in the
   * group on close by default.
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    streamsMetrics.close();
  }
}
