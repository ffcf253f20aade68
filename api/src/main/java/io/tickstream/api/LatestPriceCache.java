package io.tickstream.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code latest_prices} table held in memory, each row as the JSON body of {@code GET
 * /api/v1/prices/latest/{id}} already encoded: that route is read thousands of times a second, and
 * a database round trip per read cost more than the rest of the request. The whole table is
 * reloaded every {@code prices.refresh.ms} with the same query and mapping as the uncached route,
 * so the bodies are the same bytes; the table holds one row per instrument.
 *
 * <p>Staleness is bounded: a price committed at time t is served from t + period + two reload
 * queries at the latest (the reload running at t may miss it, the next one starts within a period
 * after that one ends). A failed reload empties the copy, so requests fall back to reading the
 * table rather than serving prices older than that bound; an instrument missing from the copy is
 * also read from the table. {@code api.latest.prices.reloads} counts completed reloads.
 */
final class LatestPriceCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatestPriceCache.class);

  private final Vertx vertx;
  private final TradingQueries queries;
  private final Counter reloads;
  private final AtomicBoolean reloading = new AtomicBoolean();
  private volatile Map<String, byte[]> bodies = Map.of();
  private final long timer;

  /** Loads the table now and then every {@code periodMillis}. */
  LatestPriceCache(Vertx vertx, TradingQueries queries, long periodMillis, MeterRegistry registry) {
    this.vertx = vertx;
    this.queries = queries;
    this.reloads =
        Counter.builder("api.latest.prices.reloads")
            .description("reloads of the in-memory latest prices")
            .register(registry);
    reload();
    this.timer = vertx.setPeriodic(periodMillis, id -> reload());
  }

  /** The encoded body for {@code instrumentId}, or null when the copy does not hold it. */
  byte[] body(String instrumentId) {
    return bodies.get(instrumentId);
  }

  private void reload() {
    if (!reloading.compareAndSet(false, true)) {
      return; // the previous reload is still running
    }
    queries
        .latestPrices()
        .onComplete(
            (items, failure) -> {
              if (failure == null) {
                bodies = encode(items);
                reloads.increment();
              } else {
                bodies = Map.of();
                LOG.debug("latest prices reload failed: {}", failure.toString());
              }
              reloading.set(false);
            });
  }

  private static Map<String, byte[]> encode(JsonArray items) {
    Map<String, byte[]> out = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      out.put(item.getString("instrumentId"), JsonReply.encode(item));
    }
    return Map.copyOf(out);
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
