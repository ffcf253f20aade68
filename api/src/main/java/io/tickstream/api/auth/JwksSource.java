package io.tickstream.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current key set, read from a JWKS file or URL at start and re-read periodically, so keys can
 * be rotated by publishing a new {@code kid} before signing with it. A token with an unknown {@code
 * kid} triggers an early re-read, at most once per {@link #MIN_REFETCH}: forged kids cannot turn
 * the API into a JWKS request amplifier. A failed re-read keeps the previous keys.
 */
public final class JwksSource {
  private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);

  /** Least time between two re-reads triggered by unknown kids. */
  static final Duration MIN_REFETCH = Duration.ofSeconds(10);

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
  private static final long MAX_JWKS_BYTES = 1 << 20;

  private final Vertx vertx;
  private final String location;
  private final AtomicReference<JsonWebKeySet> current =
      new AtomicReference<>(JsonWebKeySet.empty());
  private final AtomicLong lastFetchNanos = new AtomicLong();
  private final AtomicReference<Future<JsonWebKeySet>> inFlight = new AtomicReference<>();
  private long timerId = -1;

  private JwksSource(Vertx vertx, String location) {
    this.vertx = vertx;
    this.location = location;
  }

  /**
   * Reads the key set once and schedules re-reads every {@code refresh}.
   *
   * @param location a file path or an {@code http(s)://} URL
   * @return the source, or the failure to read or parse the first key set
   */
  public static Future<JwksSource> open(Vertx vertx, String location, Duration refresh) {
    JwksSource source = new JwksSource(vertx, location);
    return source
        .fetch()
        .map(
            keys -> {
              if (keys.size() == 0) {
                throw new IllegalArgumentException("JWKS at " + location + " holds no usable key");
              }
              source.timerId = vertx.setPeriodic(refresh.toMillis(), id -> source.fetch());
              LOG.info("JWKS {}: {} verification keys", location, keys.size());
              return source;
            });
  }

  /** The key set as last read. */
  public JsonWebKeySet keys() {
    return current.get();
  }

  /** Re-reads the key set unless that happened within {@link #MIN_REFETCH}; never fails. */
  public Future<JsonWebKeySet> refreshIfStale() {
    if (System.nanoTime() - lastFetchNanos.get() < MIN_REFETCH.toNanos()) {
      return Future.succeededFuture(current.get());
    }
    return fetch().otherwise(e -> current.get());
  }

  /** Stops the periodic re-read. */
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private Future<JsonWebKeySet> fetch() {
    // The read is registered as in flight before it starts: a read that finished before its
    // completion handler was attached would run that handler at once, and registering afterwards
    // would leave a finished read "in flight" for good, stopping every later refresh.
    Promise<JsonWebKeySet> done = Promise.promise();
    Future<JsonWebKeySet> running = inFlight.compareAndExchange(null, done.future());
    if (running != null) {
      return running;
    }
    lastFetchNanos.set(System.nanoTime());
    vertx
        .executeBlocking(() -> JsonWebKeySet.parse(read()), false)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                current.set(ar.result());
              } else {
                LOG.warn("cannot read JWKS {}: {}", location, ar.cause().toString());
              }
              inFlight.set(null);
              done.handle(ar);
            });
    return done.future();
  }

  private String read() throws IOException, InterruptedException {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(location)).timeout(HTTP_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("JWKS answered HTTP " + response.statusCode());
      }
      return response.body();
    }
    Path file = Path.of(location);
    if (Files.size(file) > MAX_JWKS_BYTES) {
      throw new IOException("JWKS file larger than " + MAX_JWKS_BYTES + " bytes");
    }
    return Files.readString(file);
  }
}
