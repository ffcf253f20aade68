package io.tickstream.execution.service.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A local broker speaking Alpaca's order API that misbehaves on purpose. Of the order POSTs it
 * accepts, some get no answer (the connection is closed after the order is booked), some a 5xx
 * after booking, some an answer only after the client's timeout, some an answer with an unknown
 * status; a few are refused with 403. Like Alpaca, it refuses a reused client order id with 422.
 * Every booked order fills at once at 100; a plain answer may still say {@code accepted}.
 */
final class FakeAlpacaServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, ObjectNode> byClientId = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
  private final Random random = new Random(42);
  private final long stallMillis;
  final AtomicInteger posts = new AtomicInteger();
  final AtomicInteger duplicateSubmissions = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger serverErrors = new AtomicInteger();
  final AtomicInteger stalled = new AtomicInteger();
  final AtomicInteger garbled = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();

  FakeAlpacaServer(long stallMillis) throws IOException {
    this.stallMillis = stallMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext("/v2/orders", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Orders booked. */
  int orders() {
    return byClientId.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if ("POST".equals(ex.getRequestMethod()) && path.equals("/v2/orders")) {
        post(ex);
      } else if (path.equals("/v2/orders:by_client_order_id")) {
        String q = ex.getRequestURI().getRawQuery();
        String id = URLDecoder.decode(q.substring(q.indexOf('=') + 1), StandardCharsets.UTF_8);
        get(ex, byClientId.get(id));
      } else if (path.startsWith("/v2/orders/")) {
        get(ex, byId.get(path.substring("/v2/orders/".length())));
      } else {
        send(ex, 404, "{\"message\":\"not found\"}");
      }
    }
  }

  private void get(HttpExchange ex, ObjectNode order) throws IOException {
    if (chance(0.05)) {
      send(ex, 500, "{\"message\":\"internal error\"}");
    } else if (order == null) {
      send(ex, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
    } else {
      send(ex, 200, order.toString());
    }
  }

  private void post(HttpExchange ex) throws IOException {
    posts.incrementAndGet();
    JsonNode body = JSON.readTree(ex.getRequestBody());
    String clientId = body.path("client_order_id").asText();
    if (byClientId.containsKey(clientId)) {
      duplicateSubmissions.incrementAndGet();
      send(ex, 422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
      return;
    }
    double roll = roll();
    if (roll < 0.05) {
      refused.incrementAndGet();
      send(ex, 403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}");
      return;
    }
    ObjectNode order = book(body, clientId);
    if (roll < 0.15) {
      dropped.incrementAndGet(); // booked, then the connection dies without an answer
      return;
    }
    if (roll < 0.25) {
      serverErrors.incrementAndGet();
      send(ex, 503, "{\"message\":\"upstream timeout\"}");
    } else if (roll < 0.30) {
      stalled.incrementAndGet();
      LockSupport.parkNanos(stallMillis * 1_000_000L);
      send(ex, 200, order.toString());
    } else if (roll < 0.35) {
      garbled.incrementAndGet();
      send(ex, 200, order.deepCopy().put("status", "teleported").toString());
    } else if (roll < 0.60) {
      ObjectNode early = order.deepCopy().put("status", "accepted").put("filled_qty", "0");
      early.putNull("filled_avg_price");
      send(ex, 200, early.toString());
    } else {
      send(ex, 200, order.toString());
    }
  }

  private ObjectNode book(JsonNode body, String clientId) {
    ObjectNode order = JSON.createObjectNode();
    String id = "ord-" + (byId.size() + 1) + "-" + clientId.substring(0, 6);
    order.put("id", id);
    order.put("client_order_id", clientId);
    order.put("symbol", body.path("symbol").asText());
    order.put("qty", body.path("qty").asText());
    order.put("side", body.path("side").asText());
    order.put("status", "filled");
    order.put("filled_qty", body.path("qty").asText());
    order.put("filled_avg_price", "100");
    byClientId.put(clientId, order);
    byId.put(id, order);
    return order;
  }

  private synchronized double roll() {
    return random.nextDouble();
  }

  private boolean chance(double p) {
    return roll() < p;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
