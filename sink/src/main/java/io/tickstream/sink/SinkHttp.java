package io.tickstream.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /health} and {@code GET /metrics} (Prometheus text) of a running sink. Served by the
 * JDK's built-in {@link HttpServer}: the sink has no other HTTP needs, and two read-only endpoints
 * do not justify pulling a web framework into the service.
 */
public final class SinkHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private SinkHttp(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Serves on {@code port} (0: any free port). {@code /health} answers 200 while the sink runs and
   * 503 when it is retrying, stopped or failed, with the state in the body.
   */
  public static SinkHttp start(int port, SinkService sink, PrometheusMeterRegistry prometheus) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/health", ex -> health(ex, sink));
      server.createContext(
          "/metrics",
          ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape()));
      ExecutorService executor =
          Executors.newSingleThreadExecutor(r -> daemon(r, "tickstream-sink-http"));
      server.setExecutor(executor);
      server.start();
      return new SinkHttp(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /health and /metrics on port " + port, e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void health(HttpExchange ex, SinkService sink) throws IOException {
    SinkService.State state = sink.state();
    int status = state == SinkService.State.RUNNING ? 200 : 503;
    respond(ex, status, "application/json", "{\"status\":\"" + state + "\"}");
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
