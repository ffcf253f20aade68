package io.tickstream.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} and {@code /health/ready}: 200 {@code
 * {"status":"UP","checks":{"database":"UP" [,"kafka":"UP"]}}}, or 503 with {@code DOWN} when the
 * database does not answer {@code SELECT 1} within {@link #DB_TIMEOUT} or the configured Kafka
 * cluster does not answer. {@code /health/live}: 200 while the process serves HTTP.
 */
final class HealthEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

  /** How long the database (or Kafka) may take to answer before it counts as down. */
  static final Duration DB_TIMEOUT = Duration.ofSeconds(2);

  private final ApiQueries queries;
  private final KafkaProbe kafka;
  // Probes come every few seconds: log when a state changes, not on every probe.
  private final ConcurrentHashMap<String, Boolean> lastUp = new ConcurrentHashMap<>();

  /** {@code kafka} is null when no cluster is configured. */
  HealthEndpoint(ApiQueries queries, KafkaProbe kafka) {
    this.queries = queries;
    this.kafka = kafka;
  }

  /** Readiness: every dependency. */
  void check(RoutingContext ctx) {
    Future<Void> db = queries.ping(DB_TIMEOUT);
    Future<Void> mq = kafka == null ? Future.succeededFuture() : kafka.ping(DB_TIMEOUT);
    Future.join(db, mq)
        .onComplete(
            all -> {
              JsonObject checks = new JsonObject().put("database", state("database", db));
              if (kafka != null) {
                checks.put("kafka", state("kafka", mq));
              }
              boolean up = db.succeeded() && mq.succeeded();
              ctx.response().setStatusCode(up ? 200 : 503);
              ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks));
            });
  }

  /** Liveness: no dependency is asked. */
  void live(RoutingContext ctx) {
    ctx.json(new JsonObject().put("status", "UP"));
  }

  private String state(String name, Future<Void> probe) {
    boolean up = probe.succeeded();
    Boolean before = lastUp.put(name, up);
    if (before != null && before != up) {
      if (up) {
        LOG.info("health: {} UP again", name);
      } else {
        LOG.warn("health: {} DOWN: {}", name, String.valueOf(probe.cause()));
      }
    } else if (before == null && !up) {
      LOG.warn("health: {} DOWN: {}", name, String.valueOf(probe.cause()));
    }
    return up ? "UP" : "DOWN";
  }
}
