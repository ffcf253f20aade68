package io.tickstream.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A seeded database and the API on it with authentication on (JWKS of {@link TestTokens}). */
final class SecuredApi implements AutoCloseable {
  final SeededPostgres db;
  final TestTokens tokens;
  final PrometheusMeterRegistry registry;
  final Vertx vertx;
  final ApiServer server;
  final HttpProbe http;

  private SecuredApi(
      SeededPostgres db,
      TestTokens tokens,
      PrometheusMeterRegistry registry,
      Vertx vertx,
      ApiServer server) {
    this.db = db;
    this.tokens = tokens;
    this.registry = registry;
    this.vertx = vertx;
    this.server = server;
    this.http = new HttpProbe(server.port());
  }

  /** Starts both; {@code extra} config keys override the test defaults. */
  static SecuredApi start(Path dir, Map<String, String> extra) throws Exception {
    SeededPostgres db = SeededPostgres.start(dir.resolve("pg"));
    TestTokens tokens = new TestTokens();
    Map<String, String> values = new HashMap<>();
    values.put("auth.jwks", tokens.writeJwks(dir.resolve("jwks.json")).toString());
    values.put("auth.issuer", TestTokens.ISSUER);
    values.put("auth.audience", TestTokens.AUDIENCE);
    // Generous limits: only the probe's burst is meant to hit them.
    values.put("ratelimit.token.per.second", "1000");
    values.put("ratelimit.token.burst", "1000");
    values.put("ratelimit.ip.per.second", "5000");
    values.put("ratelimit.ip.burst", "5000");
    values.putAll(extra);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = MetricsVertx.create(registry);
    try {
      ApiServer server =
          ApiServer.startConfigured(vertx, db.apiConfig(values), registry)
              .await(30, TimeUnit.SECONDS);
      return new SecuredApi(db, tokens, registry, vertx, server);
    } catch (Exception e) {
      vertx.close();
      db.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      server.close().await(10, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
    } finally {
      db.close();
    }
  }
}
