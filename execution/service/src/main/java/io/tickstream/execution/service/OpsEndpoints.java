package io.tickstream.execution.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health} (200 while Streams runs or rebalances, 503 otherwise, body = state) and
 * {@code GET /metrics} (Prometheus text format).
 *
 * <p>The JDK's built-in HttpServer is used on purpose: two read-only endpoints hit by probes and a
 * scraper every few seconds need no routing, TLS or event loop, and this keeps Vert.x (and its
 * BOM-managed Netty) off the service's classpath.
 */
public final class OpsEndpoints implements AutoCloseable {
  private final HttpServer server;

  /**
   * Starts serving on {@code port} (0 picks a free one).
   *
   * @param state the Streams state, read per request
   * @param prometheus the registry scraped by {@code /metrics}
   */
  public OpsEndpoints(
      int port, Supplier<KafkaStreams.State> state, PrometheusMeterRegistry prometheus) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " for /health", e);
    }
    server.createContext(
        "/health",
        ex -> {
          KafkaStreams.State s = state.get();
          boolean up = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
          send(ex, up ? 200 : 503, "text/plain", s.name() + "\n");
        });
    server.createContext(
        "/metrics",
        ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape()));
    server.start();
  }

  /** The port served. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
