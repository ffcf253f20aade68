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
  private EmbeddedKafka kafka;
  private SchemaRegistryServer registry;
  private EmbeddedPostgres postgres;
  private FlinkPart flink;
  private SinkPart sink;
  private ApiPart api;

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
    kafka = keep(EmbeddedKafka.start(config.kafkaPort(), config.home().resolve("kafka")));
    kafka.createTopics(
        Topics.ALL.stream()
            .map(
                t ->
                    new NewTopic(t.name(), 2, (short) 1)
                        .configs(java.util.Map.of("cleanup.policy", t.cleanup().policy())))
            .toList());
    readiness.ready("kafka", kafka.bootstrapServers());

    registry = keep(SchemaRegistryServer.start(config.registryPort(), kafka.bootstrapServers()));
    readiness.ready("schema registry", registry.url());

    postgres =
        keep(EmbeddedPostgres.start(config.postgresPort(), config.home().resolve("postgres")));
    readiness.ready("postgresql", postgres.jdbcUrl());

    sink = keep(SinkPart.start(kafka.bootstrapServers(), registry.url(), postgres, meters));
    readiness.ready("sink", "md.bars, md.instruments -> " + postgres.jdbcUrl());

    api = keep(ApiPart.start(config.apiPort(), postgres, meters));
    readiness.ready("query api", apiUrl() + "/api/v1/instruments");

    flink = keep(FlinkPart.start(config, kafka.bootstrapServers(), registry.url()));
    readiness.ready("flink job", flink.dashboardUrl() + " (" + flink.jobName() + " RUNNING)");

    if (config.demoFeed()) {
      keep(DemoFeedPart.start(config, kafka.bootstrapServers(), registry.url()));
      readiness.ready("demo feed", config.demoRate() + " trades/s, seed " + config.seed());
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
    parts.push(part);
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
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString(), e);
      }
    }
  }
}
