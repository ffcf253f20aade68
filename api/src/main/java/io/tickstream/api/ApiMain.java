package io.tickstream.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the query API on its own: {@code ApiMain [--config api.properties] [--key value …]}, keys as
 * in {@link ApiConfig#DESCRIPTIONS}; {@code --help} lists them.
 */
public final class ApiMain {
  private ApiMain() {}

  /**
   * The configuration of a standalone API, exactly as given: authentication stays on unless {@code
   * auth.enabled=false} says otherwise, and then needs {@code auth.jwks}. Unlike the embedded demo
   * stack ({@link ApiServer#start}), a standalone API never falls back to authentication off.
   *
   * @throws IllegalArgumentException for an invalid argument or value, or authentication on without
   *     a key set (the message names the key to set)
   */
  static ApiConfig configure(String... args) {
    ApiConfig cfg = ApiConfigSource.fromArgs(args);
    if (cfg.auth().enabled() && !cfg.auth().configured()) {
      throw new IllegalArgumentException(
          "authentication is on (auth.enabled=true, the default) but no key set is configured:"
              + " set auth.jwks to a JWKS file or http(s) URL, or auth.enabled=false for a local"
              + " demo without authentication");
    }
    return cfg;
  }

  /** Starts the server and stops it on JVM shutdown; exits 2 on bad arguments, 1 on failure. */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println("usage: ApiMain [--config <file.properties>] [--<key> <value> ...]");
      for (Map.Entry<String, String> e : ApiConfig.DESCRIPTIONS.entrySet()) {
        System.out.printf("  --%-18s %s%n", e.getKey(), e.getValue());
      }
      return;
    }
    ApiConfig cfg;
    try {
      cfg = configure(args);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("invalid configuration: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = MetricsVertx.create(registry);
    ApiServer server;
    try {
      server = ApiServer.startConfigured(vertx, cfg, registry).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("query API failed to start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    System.out.println("query API on http://" + cfg.httpHost() + ":" + server.port() + "/");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    // Sequentially from this thread: a continuation on a Vert.x context would
                    // be rejected once vertx.close() has stopped the event loops.
                    server.close().await(10, TimeUnit.SECONDS);
                    vertx.close().await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("unclean shutdown: " + e);
                  }
                },
                "api-shutdown"));
  }
}
