package io.tickstream.infra.stack;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.api.ApiConfig;
import io.tickstream.api.ApiServer;
import io.tickstream.api.MetricsVertx;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The query API on its own Vert.x instance, reporting to the stack's meter registry. */
final class ApiPart implements AutoCloseable {
  private final Vertx vertx;
  private final ApiServer server;

  private ApiPart(Vertx vertx, ApiServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static ApiPart start(int port, EmbeddedPostgres postgres, PrometheusMeterRegistry registry) {
    ApiConfig config =
        ApiConfig.fromMap(
            Map.of(
                "http.host", "localhost",
                "http.port", Integer.toString(port),
                "pg.host", "localhost",
                "pg.port", Integer.toString(postgres.port()),
                "pg.user", postgres.user()));
    Vertx vertx = MetricsVertx.create(registry);
    try {
      ApiServer server =
          ApiServer.start(vertx, config, registry)
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return new ApiPart(vertx, server);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("query API did not start on port " + port + ": " + e, e);
    }
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws Exception {
    // Awaited from this (non Vert.x) thread, step by step: a continuation composed onto the
    // server's close would run on an event loop that vertx.close() has already terminated.
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
