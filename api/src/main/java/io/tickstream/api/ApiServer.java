package io.tickstream.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.api.auth.AuthHandler;
import io.tickstream.api.auth.JwksSource;
import io.tickstream.api.auth.JwtVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API: REST v1 as described (and validated) by {@code openapi.yaml}, live streams, {@code
 * /health}, {@code /metrics}, the OpenAPI document at {@code /openapi.yaml} and the web page at
 * {@code /}. Routes and roles are bound in {@link ApiRouter}.
 *
 * <p>HTTP request metrics (per route) appear on {@code /metrics} only when {@code vertx} was built
 * with Micrometer metrics on the same registry; use {@link MetricsVertx#create} for that.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** How long {@link #close} waits for the database pool. */
  static final Duration POOL_CLOSE_TIMEOUT = Duration.ofSeconds(3);

  private final HttpServer http;
  private final ApiResources resources;

  private ApiServer(HttpServer http, ApiResources resources) {
    this.http = http;
    this.resources = resources;
  }

  /**
   * The foundation's entry point, kept for the embedded demo stack: honours {@code cfg.auth()} when
   * it names a key set ({@code auth.jwks}); when it names none, starts with authentication OFF (the
   * foundation behaviour: {@code /api/v1} open, every caller an admin of every account) and logs a
   * warning. Production code calls {@link #startConfigured}, which refuses that case.
   */
  public static Future<ApiServer> start(
      Vertx vertx, ApiConfig cfg, PrometheusMeterRegistry registry) {
    ApiConfig effective = cfg;
    if (!cfg.auth().configured()) {
      LOG.warn("authentication is OFF (no auth.jwks): /api/v1 is open; local demo use only");
      effective = cfg.withAuth(AuthConfig.disabled());
    }
    return startConfigured(vertx, effective, registry);
  }

  /**
   * Starts the API exactly as configured. The database need not be up yet: the pool connects on
   * demand and {@code /health} reports it.
   *
   * @param vertx the Vert.x instance, ideally from {@link MetricsVertx#create}
   * @param cfg every setting; {@code auth.enabled=true} requires {@code auth.jwks}
   * @param registry the registry {@code /metrics} scrapes
   * @return the running server, or why it could not start (bad JWKS, port in use, bad document)
   */
  public static Future<ApiServer> startConfigured(
      Vertx vertx, ApiConfig cfg, PrometheusMeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    try {
      cfg.auth().requireKeys();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (!vertx.isMetricsEnabled()) {
      LOG.warn("Vert.x was built without metrics: /metrics will lack HTTP request metrics");
    }
    ApiResources resources = ApiResources.open(vertx, cfg, registry);
    return authHandler(vertx, cfg.auth())
        .compose(
            auth -> {
              resources.onClose(auth.jwks());
              return ApiRouter.create(vertx, cfg, registry, resources, auth.handler());
            })
        .compose(
            router ->
                vertx
                    .createHttpServer(
                        new HttpServerOptions()
                            .setCompressionSupported(true)
                            .setMaxWebSocketFrameSize(65_536))
                    .requestHandler(router)
                    .listen(cfg.httpPort(), cfg.httpHost()))
        .recover(e -> resources.close().transform(ignored -> Future.failedFuture(e)))
        .map(http -> new ApiServer(http, resources))
        .onSuccess(
            server -> {
              LOG.info(
                  "query API listening on {}:{} (auth {})",
                  cfg.httpHost(),
                  server.port(),
                  cfg.auth().enabled() ? "on" : "OFF");
              server.checkDatabase(cfg);
            });
  }

  private record Auth(AuthHandler handler, JwksSource jwks) {}

  private static Future<Auth> authHandler(Vertx vertx, AuthConfig auth) {
    if (!auth.enabled()) {
      return Future.succeededFuture(new Auth(new AuthHandler(null), null));
    }
    return JwksSource.open(vertx, auth.jwks(), Duration.ofSeconds(auth.jwksRefreshSeconds()))
        .map(
            jwks ->
                new Auth(new AuthHandler(new JwtVerifier(auth, jwks, Clock.systemUTC())), jwks));
  }

  /** Tells the operator early when the database is unreachable; does not delay the start. */
  private void checkDatabase(ApiConfig cfg) {
    resources
        .queries()
        .ping(HealthEndpoint.DB_TIMEOUT)
        .onFailure(
            e ->
                LOG.warn(
                    "database {}:{}/{} does not answer yet ({}); /health reports DOWN until it does",
                    cfg.pgHost(),
                    cfg.pgPort(),
                    cfg.pgDatabase(),
                    e.toString()));
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int port() {
    return http.actualPort();
  }

  /** Open live-stream subscriptions (WebSocket and SSE). */
  public int streamSessions() {
    return resources.hub() == null ? 0 : resources.hub().sessions();
  }

  /** Whether every live feed has its partitions assigned (true when streams are off). */
  public boolean streamsReady() {
    return resources.feedsReady();
  }

  /**
   * Stops accepting requests, then closes streams and the database pool. Completes within about
   * {@link #POOL_CLOSE_TIMEOUT} even when a connection attempt to a hung database is pending.
   */
  public Future<Void> close() {
    return http.close()
        .eventually(
            () ->
                resources
                    .close()
                    .timeout(POOL_CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .recover(
                        e -> {
                          LOG.warn("resources did not close cleanly: {}", e.toString());
                          return Future.succeededFuture();
                        }))
        .onSuccess(v -> LOG.info("query API stopped"));
  }
}
