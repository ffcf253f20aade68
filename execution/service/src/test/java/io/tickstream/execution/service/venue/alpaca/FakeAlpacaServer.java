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
 * A local broker speaking Alpaca's order API ({@code POST /v2/orders}, {@code GET /v2/orders/{id}},
 * {@code GET /v2/orders:by_client_order_id}, {@code DELETE /v2/orders/{id}}), written for the
 * tests. Like Alpaca, it refuses a reused client order id with 422 and a cancel of a finished order
 * with 422. It records the client order id of every POST it receives, so a test can count ids sent
 * twice.
 *
 * <p>What it does with each order it accepts is up to a {@link Behaviour}: answer honestly, or
 * misbehave on purpose (no answer after booking, a 5xx after booking, an answer after the client's
 * timeout, an unknown status, a refusal). Booked orders fill at once at the symbol's price, or rest
 * unfilled ({@link Fill#REST}) until canceled.
 */
public final class FakeAlpacaServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to do with an order POST: before booking (refuse) or after it (how to answer). */
  public enum Action {
    ANSWER,
    ANSWER_ACCEPTED,
    REFUSE,
    DROP,
    SERVER_ERROR,
    STALL,
    GARBLE
  }

  /** How booked orders fill. */
  public enum Fill {
    AT_ONCE,
    REST
  }

  /** Decides, per order POST with a new client order id, what the broker does. */
  @FunctionalInterface
  public interface Behaviour {
    /**
     * @param clientOrderId the POST's client order id
     * @param post 1-based number of the POST among those with a new id
     */
    Action onPost(String clientOrderId, int post);

    /** True when a GET should fail with a 500. */
    default boolean failLookup() {
      return false;
    }

    /**
     * What happens to a cancel of a cancelable order: {@link Action#ANSWER} (204), {@link
     * Action#SERVER_ERROR} (canceled, then a 503), {@link Action#DROP} (canceled, no answer) or
     * {@link Action#REFUSE} (not canceled, answered 404 although the order exists).
     */
    default Action onCancel(String orderId) {
      return Action.ANSWER;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, ObjectNode> byClientId = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> postedIds = new ConcurrentHashMap<>();
  private final Behaviour behaviour;
  private final Fill fill;
  private final Map<String, String> prices;
  private final long stallMillis;
  private final AtomicInteger newPosts = new AtomicInteger();
  final AtomicInteger posts = new AtomicInteger();
  final AtomicInteger duplicateSubmissions = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger serverErrors = new AtomicInteger();
  final AtomicInteger stalled = new AtomicInteger();
  final AtomicInteger garbled = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger cancels = new AtomicInteger();

  /**
   * @param behaviour what happens to each order POST
   * @param fill how booked orders fill
   * @param prices fill price per symbol (as sent: the part before the venue suffix); 100 otherwise
   * @param stallMillis how long a {@link Action#STALL}ed answer waits
   */
  public FakeAlpacaServer(
      Behaviour behaviour, Fill fill, Map<String, String> prices, long stallMillis)
      throws IOException {
    this.behaviour = behaviour;
    this.fill = fill;
    this.prices = Map.copyOf(prices);
    this.stallMillis = stallMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext("/v2/orders", this::handle);
    server.start();
  }

  /** How many DELETEs the broker has received. */
  public int cancels() {
    return cancels.get();
  }

  /** A broker that answers every call honestly. */
  public static FakeAlpacaServer honest(Fill fill, Map<String, String> prices) throws IOException {
    return new FakeAlpacaServer((id, n) -> Action.ANSWER, fill, prices, 0);
  }

  /**
   * Misbehaves at random (seeded): of the POSTs, 5% refused (403), 10% booked without an answer,
   * 10% booked then 5xx, 5% answered after {@code stallMillis}, 5% answered with an unknown status,
   * 25% answered {@code accepted} (not yet filled); 5% of GETs fail with a 500.
   */
  public static Behaviour chaos(long seed) {
    Random random = new Random(seed);
    return new Behaviour() {
      @Override
      public Action onPost(String clientOrderId, int post) {
        double roll = roll();
        if (roll < 0.05) {
          return Action.REFUSE;
        } else if (roll < 0.15) {
          return Action.DROP;
        } else if (roll < 0.25) {
          return Action.SERVER_ERROR;
        } else if (roll < 0.30) {
          return Action.STALL;
        } else if (roll < 0.35) {
          return Action.GARBLE;
        } else if (roll < 0.60) {
          return Action.ANSWER_ACCEPTED;
        }
        return Action.ANSWER;
      }

      @Override
      public boolean failLookup() {
        return roll() < 0.05;
      }

      private synchronized double roll() {
        return random.nextDouble();
      }
    };
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Orders booked. */
  public int orders() {
    return byClientId.size();
  }

  /** Order POSTs received, whatever came of them. */
  public int posts() {
    return posts.get();
  }

  /** Client order ids that came in more than one POST. */
  public long idsPostedTwice() {
    return postedIds.values().stream().filter(n -> n.get() > 1).count();
  }

  /** The broker's status of the order with {@code clientOrderId}, or null when unknown. */
  public String status(String clientOrderId) {
    ObjectNode o = byClientId.get(clientOrderId);
    return o == null ? null : o.path("status").asText();
  }

  /** Fills a resting order completely at {@code price} (the market moved). */
  public void fill(String clientOrderId, String price) {
    ObjectNode order = byClientId.get(clientOrderId);
    synchronized (order) {
      order.put("status", "filled");
      order.put("filled_qty", order.path("qty").asText());
      order.put("filled_avg_price", price);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if ("POST".equals(method) && path.equals("/v2/orders")) {
        post(ex);
      } else if (path.equals("/v2/orders:by_client_order_id")) {
        String q = ex.getRequestURI().getRawQuery();
        String id = URLDecoder.decode(q.substring(q.indexOf('=') + 1), StandardCharsets.UTF_8);
        get(ex, byClientId.get(id));
      } else if ("DELETE".equals(method) && path.startsWith("/v2/orders/")) {
        cancel(ex, byId.get(path.substring("/v2/orders/".length())));
      } else if (path.startsWith("/v2/orders/")) {
        get(ex, byId.get(path.substring("/v2/orders/".length())));
      } else {
        send(ex, 404, "{\"message\":\"not found\"}");
      }
    }
  }

  private void get(HttpExchange ex, ObjectNode order) throws IOException {
    if (behaviour.failLookup()) {
      send(ex, 500, "{\"message\":\"internal error\"}");
    } else if (order == null) {
      send(ex, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
    } else {
      String body;
      synchronized (order) {
        body = order.toString();
      }
      send(ex, 200, body);
    }
  }

  private void cancel(HttpExchange ex, ObjectNode order) throws IOException {
    cancels.incrementAndGet();
    if (order == null) {
      send(ex, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
      return;
    }
    Action action = behaviour.onCancel(order.path("id").asText());
    synchronized (order) {
      if (!"new".equals(order.path("status").asText())) {
        send(ex, 422, "{\"code\":42210000,\"message\":\"order is not cancelable\"}");
        return;
      }
      if (action == Action.REFUSE) {
        send(ex, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
        return;
      }
      order.put("status", "canceled");
    }
    if (action == Action.SERVER_ERROR) {
      send(ex, 503, "{\"message\":\"upstream timeout\"}");
    } else if (action != Action.DROP) {
      ex.sendResponseHeaders(204, -1);
    }
  }

  private void post(HttpExchange ex) throws IOException {
    posts.incrementAndGet();
    JsonNode body = JSON.readTree(ex.getRequestBody());
    String clientId = body.path("client_order_id").asText();
    postedIds.computeIfAbsent(clientId, k -> new AtomicInteger()).incrementAndGet();
    if (byClientId.containsKey(clientId)) {
      duplicateSubmissions.incrementAndGet();
      send(ex, 422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
      return;
    }
    Action action = behaviour.onPost(clientId, newPosts.incrementAndGet());
    if (action == Action.REFUSE) {
      refused.incrementAndGet();
      send(ex, 403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}");
      return;
    }
    ObjectNode order = book(body, clientId);
    switch (action) {
      case DROP -> dropped.incrementAndGet(); // booked, then the connection dies unanswered
      case SERVER_ERROR -> {
        serverErrors.incrementAndGet();
        send(ex, 503, "{\"message\":\"upstream timeout\"}");
      }
      case STALL -> {
        stalled.incrementAndGet();
        LockSupport.parkNanos(stallMillis * 1_000_000L);
        send(ex, 200, order.toString());
      }
      case GARBLE -> {
        garbled.incrementAndGet();
        send(ex, 200, order.deepCopy().put("status", "teleported").toString());
      }
      case ANSWER_ACCEPTED -> {
        ObjectNode early = order.deepCopy().put("status", "accepted").put("filled_qty", "0");
        early.putNull("filled_avg_price");
        send(ex, 200, early.toString());
      }
      default -> send(ex, 200, order.toString());
    }
  }

  private ObjectNode book(JsonNode body, String clientId) {
    ObjectNode order = JSON.createObjectNode();
    // Derived from the client order id, so equal runs give equal broker ids.
    String id = "ord-" + clientId;
    String symbol = body.path("symbol").asText();
    order.put("id", id);
    order.put("client_order_id", clientId);
    order.put("symbol", symbol);
    order.put("qty", body.path("qty").asText());
    order.put("side", body.path("side").asText());
    if (fill == Fill.AT_ONCE) {
      order.put("status", "filled");
      order.put("filled_qty", body.path("qty").asText());
      order.put("filled_avg_price", prices.getOrDefault(symbol, "100"));
    } else {
      order.put("status", "new");
      order.put("filled_qty", "0");
      order.putNull("filled_avg_price");
    }
    byClientId.put(clientId, order);
    byId.put(id, order);
    return order;
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
