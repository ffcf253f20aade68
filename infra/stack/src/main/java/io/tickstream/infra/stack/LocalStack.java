package io.tickstream.infra.stack;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.infra.embedded.FreePorts;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in this JVM (plus PostgreSQL as a child process): Kafka broker, schema
 * registry, PostgreSQL, Flink MiniCluster with the analytics job and dashboard, sink, query API and
 * optionally the demo feed. Parts start in dependency order and stop in reverse.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final StackConfig config;
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile EmbeddedKafka kafka;
  private volatile SchemaRegistryServer registry;
  private volatile EmbeddedPostgres postgres;
  private volatile FlinkPart flink;
  private volatile SinkPart sink;
  private volatile ApiPart api;

  private LocalStack(StackConfig config) {
    this.config = config;
  }

  /**
   * Starts every part and returns when all are ready; {@code out} receives one line per part.
   *
   * @throws io.tickstream.infra.embedded.PortInUseException when a port is taken
   */
  public static LocalStack start(StackConfig config, Consumer<String> out) {
    LocalStack stack = new LocalStack(config);
    try {
      stack.startParts(new Readiness(out));
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startParts(Readiness readiness) {
    readiness.say("starting tickstream (state in " + config.home() + ")");
    // Check every fixed port first, so a conflict is reported before anything starts.
    checkPorts();
    // Parts start as soon as what they need is up: Kafka and PostgreSQL together, then the
    // registry, then the sink, the API, the Flink job and the feed together.
    ExecutorService starter = Executors.newFixedThreadPool(4, r -> new Thread(r, "stack-start"));
    try {
      var pg =
          CompletableFuture.supplyAsync(
              () -> {
                postgres =
                    keep(
                        EmbeddedPostgres.start(
                            config.postgresPort(), config.home().resolve("postgres")));
                readiness.ready("postgresql", postgres.jdbcUrl());
                return postgres;
              },
              starter);
      kafka = keep(EmbeddedKafka.start(config.kafkaPort(), config.home().resolve("kafka")));
      kafka.createTopics(
          Topics.ALL.stream()
              .map(
                  t ->
                      new NewTopic(t.name(), 2, (short) 1)
                          .configs(Map.of("cleanup.policy", t.cleanup().policy())))
              .toList());
      readiness.ready("kafka", kafka.bootstrapServers());
      registry = keep(SchemaRegistryServer.start(config.registryPort(), kafka.bootstrapServers()));
      readiness.ready("schema registry", registry.url());

      var flinkStarted =
          CompletableFuture.runAsync(
              () -> {
                flink = keep(FlinkPart.start(config, kafka.bootstrapServers(), registry.url()));
                readiness.ready(
                    "flink job", flink.dashboardUrl() + " (" + flink.jobName() + " RUNNING)");
              },
              starter);
      var sinkStarted =
          pg.thenAcceptAsync(
              db -> {
                sink = keep(SinkPart.start(kafka.bootstrapServers(), registry.url(), db, meters));
                readiness.ready("sink", "md.bars, md.instruments -> " + db.jdbcUrl());
              },
              starter);
      var apiStarted =
          sinkStarted.thenRunAsync(
              () -> {
                // After the sink: the API reads the tables the sink's migrations create.
                api = keep(ApiPart.start(config.apiPort(), postgres, meters));
                readiness.ready("query api", apiUrl() + "/api/v1/instruments");
              },
              starter);
      var validatorStarted =
          CompletableFuture.runAsync(
              () -> {
                keep(
                    ValidatorPart.start(
                        kafka.bootstrapServers(),
                        registry.url(),
                        config.home().resolve("validator"),
                        meters));
                readiness.ready("validator", "md.*.raw -> md.trades, md.quotes, md.dlq");
              },
              starter);
      var feedStarted =
          validatorStarted.thenRunAsync(
              () -> {
                if (config.demoFeed()) {
                  keep(DemoFeedPart.start(config, kafka.bootstrapServers(), registry.url()));
                  readiness.ready(
                      "demo feed", config.demoRate() + " trades/s, seed " + config.seed());
                }
              },
              starter);
      CompletableFuture.allOf(flinkStarted, apiStarted, feedStarted).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      starter.shutdown();
    }
    readiness.say(
        String.format(
            "tickstream is up in %.1f s:%n"
                + "  Flink dashboard   %s%n"
                + "  Query API         %s/api/v1/instruments%n"
                + "  Schema registry   %s/subjects%n"
                + "  Kafka             %s%n"
                + "  PostgreSQL        %s (user postgres)%n"
                + "Ctrl-C stops everything; state is kept in %s",
            readiness.elapsedSeconds(),
            flink.dashboardUrl(),
            apiUrl(),
            registry.url(),
            kafka.bootstrapServers(),
            postgres.jdbcUrl(),
            config.home()));
  }

  private void checkPorts() {
    requireFreeUnlessAny(config.kafkaPort(), "Kafka broker");
    requireFreeUnlessAny(config.registryPort(), "schema registry");
    requireFreeUnlessAny(config.postgresPort(), "PostgreSQL server");
    requireFreeUnlessAny(config.flinkPort(), "Flink dashboard");
    requireFreeUnlessAny(config.apiPort(), "query API");
  }

  private static void requireFreeUnlessAny(int port, String what) {
    if (port != 0) {
      FreePorts.requireFree(port, what);
    }
  }

  private <T extends AutoCloseable> T keep(T part) {
    synchronized (parts) {
      parts.push(part);
    }
    return part;
  }

  /** Kafka bootstrap servers. */
  public String kafkaBootstrap() {
    return kafka.bootstrapServers();
  }

  /** Schema registry URL. */
  public String registryUrl() {
    return registry.url();
  }

  /** Base URL of the query API. */
  public String apiUrl() {
    return "http://localhost:" + api.port();
  }

  /** Flink dashboard URL. */
  public String flinkUrl() {
    return flink.dashboardUrl();
  }

  /** JDBC URL of the database. */
  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  /** The topic catalogue entry, for tests and tools. */
  public static Topic<String, ?> topic(String name) {
    return Topics.byName(name).orElseThrow();
  }

  @Override
  public void close() {
    while (true) {
      AutoCloseable part;
      synchronized (parts) {
        if (parts.isEmpty()) {
          return;
        }
        part = parts.pop();
      }
      long t0 = System.nanoTime();
      try {
        part.close();
        LOG.info(
            "stopped {} in {} ms",
            part.getClass().getSimpleName(),
            (System.nanoTime() - t0) / 1_000_000);
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString(), e);
      }
    }
  }
}
