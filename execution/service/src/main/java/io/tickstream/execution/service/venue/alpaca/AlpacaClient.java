package io.tickstream.execution.service.venue.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.service.config.VenueSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HTTP calls to an Alpaca-compatible trading API (JDK HttpClient + Jackson), behind a Resilience4j
 * circuit breaker that counts timeouts, I/O errors and 5xx answers as failures.
 *
 * <p>This class never retries: a POST whose outcome is unknown comes back as {@link Post.Ambiguous}
 * and the caller reconciles by client order id. (The JDK client itself does not re-send a POST on a
 * broken connection unless {@code jdk.httpclient.enableAllMethodRetry} is set.) Thread-safe.
 */
public final class AlpacaClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VenueSettings.Alpaca settings;
  private final HttpClient http;
  private final CircuitBreaker breaker;
  // Shared by the venues of all accounts and across engine re-bases: the broker id of each order
  // (so a restored working order needs no lookup) and when fills were last polled.
  private final java.util.Map<String, String> venueIds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong lastPollNanos =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

  /** What came of a POST. */
  sealed interface Post {
    /** The broker holds the order. */
    record Placed(AlpacaOrder order) implements Post {}

    /** The broker refused it (4xx); it does not exist there. */
    record Refused(int status, String message) implements Post {}

    /** The client order id is known to the broker already (422 on a reused id). */
    record Duplicate(String message) implements Post {}

    /** Unknown whether the broker holds it: timeout, dropped connection, 5xx, invalid answer. */
    record Ambiguous(String why) implements Post {}

    /** Not sent: the circuit breaker is open. */
    record NotSent(String why) implements Post {}
  }

  /** What came of a GET of one order. */
  sealed interface Lookup {
    /** The broker has it. */
    record Found(AlpacaOrder order) implements Lookup {}

    /** The broker answered 404. */
    record NotFound() implements Lookup {}

    /** No usable answer (error, timeout, open breaker, invalid body). */
    record Unavailable(String why) implements Lookup {}
  }

  /** What came of a DELETE of one order (a cancel request). */
  sealed interface Cancel {
    /** The broker took the cancel request (204/200); the order may still be pending_cancel. */
    record Requested() implements Cancel {}

    /** The broker says the order cannot be canceled (422): it is filled, canceled or expired. */
    record NotCancelable(String message) implements Cancel {}

    /** The broker does not know the order id (404). */
    record NotFound() implements Cancel {}

    /** Unknown whether the cancel took effect: timeout, dropped connection, 5xx, open breaker. */
    record Ambiguous(String why) implements Cancel {}

    /** Refused for another reason (other 4xx); nothing changed at the broker. */
    record Refused(int status, String message) implements Cancel {}
  }

  /** A client with its own HTTP client and circuit breaker. */
  public AlpacaClient(VenueSettings.Alpaca settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.breaker =
        CircuitBreaker.of(
            "alpaca",
            CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
  }

  /** Remembers the broker's id of an order. */
  void rememberVenueId(String clientOrderId, String venueOrderId) {
    venueIds.put(clientOrderId, venueOrderId);
  }

  /** The broker's id of an order seen by this client, or null. */
  String knownVenueId(String clientOrderId) {
    return venueIds.get(clientOrderId);
  }

  /** True (and the poll time reset) when fills were last polled at least {@code interval} ago. */
  boolean pollDue(java.time.Duration interval) {
    long last = lastPollNanos.get();
    long now = System.nanoTime();
    return now - last >= interval.toNanos() && lastPollNanos.compareAndSet(last, now);
  }

  /** The circuit breaker, for metrics and tests. */
  public CircuitBreaker breaker() {
    return breaker;
  }

  Post post(SubmitOrder order, String symbol) {
    ObjectNode body = JSON.createObjectNode();
    body.put("symbol", symbol);
    body.put("qty", order.quantity().toPlainString());
    body.put("side", order.side().name().toLowerCase(Locale.ROOT));
    body.put("type", order.type().name().toLowerCase(Locale.ROOT));
    body.put("time_in_force", order.timeInForce().name().toLowerCase(Locale.ROOT));
    body.put("client_order_id", order.clientOrderId());
    if (order.limitPrice() != null) {
      body.put("limit_price", order.limitPrice().toPlainString());
    }
    if (order.stopPrice() != null) {
      body.put("stop_price", order.stopPrice().toPlainString());
    }
    HttpRequest request =
        request("/v2/orders")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    Answer a = call(request);
    if (a.notSent != null) {
      return new Post.NotSent(a.notSent);
    }
    if (a.failure != null) {
      return new Post.Ambiguous(a.failure);
    }
    if (a.status == 422 && a.body.contains("client_order_id")) {
      return new Post.Duplicate(a.body);
    }
    if (a.status >= 400) {
      return new Post.Refused(a.status, a.body);
    }
    StringBuilder why = new StringBuilder();
    Optional<AlpacaOrder> o = parse(a.body, order.clientOrderId(), why);
    return o.<Post>map(Post.Placed::new)
        .orElseGet(() -> new Post.Ambiguous("invalid answer (" + a.status + "): " + why));
  }

  Lookup byClientOrderId(String clientOrderId) {
    String q = URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8);
    return lookup(
        request("/v2/orders:by_client_order_id?client_order_id=" + q).GET().build(), clientOrderId);
  }

  Lookup byId(String venueOrderId, String clientOrderId) {
    String path = "/v2/orders/" + URLEncoder.encode(venueOrderId, StandardCharsets.UTF_8);
    return lookup(request(path).GET().build(), clientOrderId);
  }

  /** {@code DELETE /v2/orders/{id}}: asks the broker to cancel an order. */
  Cancel cancel(String venueOrderId) {
    String path = "/v2/orders/" + URLEncoder.encode(venueOrderId, StandardCharsets.UTF_8);
    Answer a = call(request(path).DELETE().build());
    if (a.notSent != null || a.failure != null) {
      return new Cancel.Ambiguous(a.notSent != null ? a.notSent : a.failure);
    }
    return switch (a.status) {
      case 200, 204 -> new Cancel.Requested();
      case 404 -> new Cancel.NotFound();
      case 422 -> new Cancel.NotCancelable(a.body);
      default ->
          a.status >= 400
              ? new Cancel.Refused(a.status, a.body)
              : new Cancel.Ambiguous("unexpected HTTP " + a.status + ": " + a.body);
    };
  }

  private Lookup lookup(HttpRequest request, String clientOrderId) {
    Answer a = call(request);
    if (a.notSent != null || a.failure != null) {
      return new Lookup.Unavailable(a.notSent != null ? a.notSent : a.failure);
    }
    if (a.status == 404) {
      return new Lookup.NotFound();
    }
    if (a.status >= 400) {
      return new Lookup.Unavailable("HTTP " + a.status + ": " + a.body);
    }
    StringBuilder why = new StringBuilder();
    return parse(a.body, clientOrderId, why)
        .<Lookup>map(Lookup.Found::new)
        .orElseGet(() -> new Lookup.Unavailable("invalid answer: " + why));
  }

  private static Optional<AlpacaOrder> parse(String body, String clientOrderId, StringBuilder why) {
    try {
      return AlpacaOrder.parse(JSON.readTree(body), clientOrderId, why);
    } catch (IOException e) {
      why.append("body is not JSON");
      return Optional.empty();
    }
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(settings.requestTimeout())
        .header("APCA-API-KEY-ID", settings.keyId())
        .header("APCA-API-SECRET-KEY", settings.secretKey());
  }

  /** An HTTP exchange: a status and body, or why there is none. */
  private record Answer(int status, String body, String failure, String notSent) {}

  private Answer call(HttpRequest request) {
    if (!breaker.tryAcquirePermission()) {
      return new Answer(0, "", null, "circuit breaker open");
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (r.statusCode() >= 500) {
        breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("HTTP " + r.statusCode()));
        return new Answer(r.statusCode(), r.body(), "HTTP " + r.statusCode(), null);
      }
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
      return new Answer(r.statusCode(), r.body() == null ? "" : r.body(), null, null);
    } catch (IOException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      return new Answer(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.releasePermission();
      return new Answer(0, "", "interrupted", null);
    }
  }
}
