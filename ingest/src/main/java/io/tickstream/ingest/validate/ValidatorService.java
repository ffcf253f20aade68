package io.tickstream.ingest.validate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator as a running service: {@link ValidationTopology} in a {@link KafkaStreams} instance
 * with exactly-once v2, counting verdicts ({@link MicrometerValidationListener}) and binding Kafka
 * Streams' own metrics to the given registry.
 *
 * <p>Poison records never reach this level (they become dead letters). What does is an unreachable
 * registry or broker: the failed stream thread is replaced and, thanks to exactly-once, its
 * uncommitted records are processed again, so the service recovers by itself once they are back.
 */
public final class ValidatorService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorService.class);

  private final ValidatorConfig config;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  /**
   * @param config where to connect and the rules' limits
   * @param meters where verdict counters and Kafka Streams metrics go
   * @param clock the clock of the FUTURE_TIMESTAMP rule ({@link Clock#systemUTC()} in production)
   */
  public ValidatorService(ValidatorConfig config, MeterRegistry meters, Clock clock) {
    this.config = config;
    this.streams =
        new KafkaStreams(
            ValidationTopology.topology(
                config.rules(),
                config.registryUrl(),
                clock,
                new MicrometerValidationListener(meters)),
            config.streamsProperties());
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("validator stream thread failed, replacing it: {}", e.toString(), e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) -> LOG.info("validator {}: {} -> {}", config.applicationId(), before, now));
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
  }

  /** Starts processing; returns at once. */
  public ValidatorService start() {
    streams.start();
    LOG.info(
        "validator {} started on {} (registry {}), rules {}",
        config.applicationId(),
        config.bootstrapServers(),
        config.registryUrl(),
        config.rules());
    return this;
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Waits until the instance is RUNNING; false if it is not within {@code timeout}. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline
          || !streams.state().isRunningOrRebalancing()
              && streams.state() != KafkaStreams.State.CREATED) {
        return streams.state() == KafkaStreams.State.RUNNING;
      }
      Thread.sleep(50);
    }
    return true;
  }

  @Override
  public void close() {
    // Leave the group on a clean stop: Kafka Streams stays in it by default, and the next start
    // would then wait out the session timeout (45 s) before it gets its partitions back.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    streamsMetrics.close();
    LOG.info("validator {} stopped", config.applicationId());
  }
}
