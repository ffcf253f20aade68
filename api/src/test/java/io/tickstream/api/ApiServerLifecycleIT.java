package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.infra.embedded.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, health and failure behaviour when the database is missing, hangs or goes away. */
class ApiServerLifecycleIT {
  private static final JsonObject DOWN =
      new JsonObject()
          .put("status", "DOWN")
          .put("checks", new JsonObject().put("database", "DOWN"));

  @TempDir Path dir;

  PrometheusMeterRegistry registry;
  Vertx vertx;

  @BeforeEach
  void vertx() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = MetricsVertx.create(registry);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void healthGoesDownWithTheDatabaseAndErrorsStayOpaque() throws Exception {
    try (SeededPostgres db = SeededPostgres.start(dir)) {
      ApiServer server = start(db.apiConfig());
      HttpProbe http = new HttpProbe(server.port());
      assertThat(http.get("/health").status()).isEqualTo(200);
      assertThat(http.get("/api/v1/bars/AAPL.XNAS?spec=1m").status()).isEqualTo(200);

      db.close();

      HttpProbe.Reply health = http.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json()).isEqualTo(DOWN);
      for (String url : new String[] {"/api/v1/bars/AAPL.XNAS?spec=1m", "/api/v1/instruments"}) {
        HttpProbe.Reply reply = http.get(url);
        assertThat(reply.status()).as(url).isEqualTo(500);
        assertThat(reply.json().fieldNames()).containsExactlyInAnyOrder("code", "message");
        assertThat(reply.json().getString("code")).isEqualTo("INTERNAL");
        assertThat(reply.json().getString("message"))
            .matches("internal error, see server log \\(ref [0-9a-f-]{36}\\)");
      }
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void startsWhileTheDatabaseIsDownAndReportsIt() throws Exception {
    ApiConfig cfg = config(FreePorts.pick());
    ApiServer server = start(cfg);

    HttpProbe.Reply health = new HttpProbe(server.port()).get("/health");

    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json()).isEqualTo(DOWN);
    server.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsDownAfterTheTimeout() throws Exception {
    // Accepts TCP connections (the kernel does, via the backlog) but never speaks PostgreSQL.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ApiServer server = start(config(silent.getLocalPort()));
      long begin = System.nanoTime();

      HttpProbe.Reply health = new HttpProbe(server.port()).get("/health");

      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json()).isEqualTo(DOWN);
      assertThat(millis).isBetween(HealthEndpoint.DB_TIMEOUT.toMillis() - 100, 8_000L);
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void startFailsWhenTheHttpPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ApiConfig cfg = config(FreePorts.pick()).withHttpPort(taken.getLocalPort());

      assertThatThrownBy(() -> ApiServer.start(vertx, cfg, registry).await(10, TimeUnit.SECONDS))
          .hasMessageContaining("in use");
    }
  }

  private ApiServer start(ApiConfig cfg) throws Exception {
    return ApiServer.start(vertx, cfg, registry).await(15, TimeUnit.SECONDS);
  }

  private static ApiConfig config(int pgPort) {
    return ApiConfig.fromMap(
        Map.of(
            "http.host", "127.0.0.1",
            "http.port", "0",
            "pg.host", "127.0.0.1",
            "pg.port", Integer.toString(pgPort)));
  }
}
