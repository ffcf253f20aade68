package io.tickstream.infra.embedded.registry;

import io.tickstream.infra.embedded.FreePorts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry (AVRO only) for the local stack and tests: the REST API
 * subset that Confluent's client, serializers and tools use, with Confluent's error codes and
 * compatibility levels checked by Avro's {@code SchemaCompatibility}. Its state lives in the
 * compacted Kafka topic {@code _schemas} (Confluent's record format), written with {@code acks=all}
 * before each answer and replayed on start, so ids and versions survive restarts.
 *
 * <p>One instance writes the topic: there is no leader election. In production, point {@code
 * schema.registry.url} at Confluent Schema Registry, Karapace or Apicurio instead.
 */
public final class SchemaRegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final HttpServer server;
  private final SchemasTopic topic;

  private SchemaRegistryServer(Vertx vertx, HttpServer server, SchemasTopic topic) {
    this.vertx = vertx;
    this.server = server;
    this.topic = topic;
  }

  /**
   * Rebuilds the registry from {@code _schemas} on the given Kafka cluster (creating the topic if
   * needed) and serves it on {@code localhost:port}.
   *
   * @param port the HTTP port; 0 picks a free one
   * @param kafkaBootstrapServers the Kafka cluster holding {@code _schemas}
   * @throws io.tickstream.infra.embedded.PortInUseException when {@code port} is taken
   */
  public static SchemaRegistryServer start(int port, String kafkaBootstrapServers) {
    if (port != 0) {
      FreePorts.requireFree(port, "schema registry");
    }
    SchemasTopic topic = SchemasTopic.open(kafkaBootstrapServers);
    Vertx vertx = null;
    try {
      Registry registry = new Registry(topic);
      vertx = Vertx.vertx();
      Router router = Router.router(vertx);
      new RegistryRoutes(registry).mount(router);
      HttpServer server =
          await(vertx.createHttpServer().requestHandler(router).listen(port, "localhost"));
      SchemaRegistryServer started = new SchemaRegistryServer(vertx, server, topic);
      LOG.info(
          "schema registry up at {} (state in {} at {})",
          started.url(),
          SchemasTopic.NAME,
          kafkaBootstrapServers);
      return started;
    } catch (RuntimeException e) {
      if (vertx != null) {
        vertx.close();
      }
      topic.close();
      throw e;
    }
  }

  /** {@code http://localhost:<port>}: the value of {@code schema.registry.url}. */
  public String url() {
    return "http://localhost:" + port();
  }

  /** The HTTP port. */
  public int port() {
    return server.actualPort();
  }

  /** Stops serving and closes the Kafka clients; the state stays in {@code _schemas}. */
  @Override
  public void close() {
    LOG.info("stopping schema registry at {}", url());
    try {
      await(server.close());
    } finally {
      try {
        await(vertx.close());
      } finally {
        topic.close();
      }
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "schema registry: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "schema registry: no answer within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
