package io.tickstream.bench.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.api.ApiConfig;
import io.tickstream.api.ApiServer;
import io.tickstream.api.MetricsVertx;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency of the query API under fixed request rates: the latest price of an instrument at 5,000
 * req/s and 60 one-minute bars at 1,000 req/s, on embedded PostgreSQL with seeded data (50
 * instruments, 10,000 bars each). Load comes from {@link PacedLoad}: an open model at the fixed
 * rate with latency timed from each request's due time, as wrk2 does (its comment says why not
 * wrk). Writes {@code bench/results/api-<timestamp>.json} under {@code -Dtickstream.home} (default:
 * the current directory); the last stdout line is {@code api: latest_p99_ms=<a> bars_p99_ms=<b>}.
 * Goals: a &lt;= 2, b &lt;= 5. Requests carry a viewer JWT (ES256, one token for the whole run, as
 * one client would) through authentication and the rate limiter, whose limits are raised so that
 * none answers 429.
 */
public final class ApiBench {
  private static final Logger LOG = LoggerFactory.getLogger(ApiBench.class);
  static final int INSTRUMENTS = 50;
  static final int BARS_PER_INSTRUMENT = 10_000;
  static final int LATEST_RPS = 5_000;
  static final int BARS_RPS = 1_000;
  static final int CONNECTIONS = 32;
  static final int WARM_UP_SECONDS = 5;
  static final String LATEST_PATH = "/api/v1/prices/latest/INS-%d";
  static final String BARS_PATH = "/api/v1/bars/INS-%d?spec=1m&limit=60";

  private ApiBench() {}

  /** Runs both scenarios; {@code --seconds N} sets each one's duration (default 20). */
  public static void main(String[] args) throws Exception {
    int seconds = args.length == 2 && args[0].equals("--seconds") ? Integer.parseInt(args[1]) : 20;
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    Path work = Files.createTempDirectory("api-bench");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(0, work.resolve("pg"))) {
      seed(pg);
      Vertx vertx = MetricsVertx.create(registry);
      BenchToken token = new BenchToken();
      ApiConfig cfg =
          ApiConfig.fromMap(
              Map.of(
                  "http.host", "127.0.0.1",
                  "http.port", "0",
                  "pg.port", Integer.toString(pg.port()),
                  "pg.user", pg.user(),
                  "pg.pool.size", "8",
                  "auth.jwks", token.writeJwks(work.resolve("jwks.json")).toString(),
                  "ratelimit.token.per.second", "1000000",
                  "ratelimit.token.burst", "1000000",
                  "ratelimit.ip.per.second", "1000000",
                  "ratelimit.ip.burst", "1000000"));
      ApiServer server =
          ApiServer.startConfigured(vertx, cfg, registry).await(30, TimeUnit.SECONDS);
      try {
        String base = "http://127.0.0.1:" + server.port();
        try (PacedLoad load = new PacedLoad(base, CONNECTIONS, token.viewer(3600))) {
          scenario(load, "warm-up: latest price", LATEST_PATH, LATEST_RPS, WARM_UP_SECONDS);
          scenario(load, "warm-up: bars", BARS_PATH, BARS_RPS, WARM_UP_SECONDS);
          LoadResult latest = scenario(load, "latest price", LATEST_PATH, LATEST_RPS, seconds);
          LoadResult bars = scenario(load, "bars", BARS_PATH, BARS_RPS, seconds);
          write(home, load, cfg, seconds, latest, bars);
          System.out.printf(
              "api: latest_p99_ms=%.3f bars_p99_ms=%.3f%n", latest.p99Millis(), bars.p99Millis());
        }
      } finally {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    }
  }

  private static LoadResult scenario(
      PacedLoad load, String name, String path, int rate, int seconds) throws Exception {
    LOG.info("{}: {} req/s for {} s", name, rate, seconds);
    LoadResult result = load.run(path, INSTRUMENTS, rate, seconds);
    LOG.info("{}: done, p99 {} ms", name, result.p99Millis());
    return result;
  }

  private static void seed(EmbeddedPostgres pg) throws Exception {
    try (Connection c = pg.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE instruments (instrument_id text PRIMARY KEY, symbol text NOT NULL, venue text NOT NULL,"
              + " asset_class text NOT NULL, currency text NOT NULL, tick_size numeric(28,8) NOT NULL,"
              + " lot_size numeric(28,8) NOT NULL, trading_hours text, active boolean NOT NULL, updated_at timestamptz NOT NULL)");
      s.execute(
          "CREATE TABLE bars (instrument_id text NOT NULL, spec text NOT NULL, start_ts timestamptz NOT NULL,"
              + " end_ts timestamptz NOT NULL, open numeric(28,8) NOT NULL, high numeric(28,8) NOT NULL,"
              + " low numeric(28,8) NOT NULL, close numeric(28,8) NOT NULL, volume numeric(28,8) NOT NULL,"
              + " trade_count bigint NOT NULL, vwap numeric(28,8) NOT NULL, revision int NOT NULL,"
              + " ts_init timestamptz NOT NULL, PRIMARY KEY (instrument_id, spec, start_ts))");
      s.execute(
          "CREATE TABLE latest_prices (instrument_id text PRIMARY KEY, price numeric(28,8) NOT NULL,"
              + " bid_price numeric(28,8), ask_price numeric(28,8), ts_event timestamptz NOT NULL, ts_init timestamptz NOT NULL)");
      s.execute(
          "INSERT INTO instruments SELECT 'INS-' || i, 'INS' || i, 'SIM', 'CRYPTO', 'USD', 0.01, 0.001, NULL, true, now()"
              + " FROM generate_series(0, "
              + (INSTRUMENTS - 1)
              + ") i");
      // As the sink writes it: from trades only, the quote columns NULL.
      s.execute(
          "INSERT INTO latest_prices SELECT 'INS-' || i, 100 + i, NULL, NULL, now(), now()"
              + " FROM generate_series(0, "
              + (INSTRUMENTS - 1)
              + ") i");
      s.execute(
          "INSERT INTO bars SELECT 'INS-' || i, '1m', '2026-01-01'::timestamptz + m * interval '1 minute',"
              + " '2026-01-01'::timestamptz + (m + 1) * interval '1 minute', 100 + m % 7, 101 + m % 7, 99 + m % 7,"
              + " 100.5 + m % 7, 12.5, 40, 100.25, 0, now() FROM generate_series(0, "
              + (INSTRUMENTS - 1)
              + ") i, generate_series(0, "
              + (BARS_PER_INSTRUMENT - 1)
              + ") m");
      s.execute("ANALYZE");
    }
  }

  private static void write(
      Path home, PacedLoad load, ApiConfig cfg, int seconds, LoadResult latest, LoadResult bars)
      throws Exception {
    Path dir = home.resolve("bench/results");
    Files.createDirectories(dir);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(Instant.now().atOffset(ZoneOffset.UTC));
    JsonObject report =
        new JsonObject()
            .put("benchmark", "api")
            .put("timestamp", Instant.now().toString())
            .put(
                "loadGenerator",
                new JsonObject()
                    .put("model", load.description())
                    .put("connections", load.connections())
                    .put("eventLoopThreads", 1)
                    .put("pacerThreads", 1)
                    .put("authentication", "ES256 bearer token, one for all requests")
                    .put("inProcess", true)
                    .put("warmUpSecondsPerScenario", WARM_UP_SECONDS))
            .put(
                "server",
                new JsonObject()
                    .put("pgPoolSize", cfg.pgPoolSize())
                    .put("pricesRefreshMs", cfg.pricesRefreshMillis())
                    .put("authentication", cfg.auth().enabled())
                    .put("sharesJvmAndCoresWithLoadGenerator", true))
            .put("secondsPerScenario", seconds)
            .put("availableProcessors", Runtime.getRuntime().availableProcessors())
            .put(
                "garbageCollectors",
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName)
                    .toList())
            .put("instruments", INSTRUMENTS)
            .put("barsPerInstrument", BARS_PER_INSTRUMENT)
            .put("latestPrice", scenarioJson(LATEST_PATH, LATEST_RPS, latest).put("goalP99Ms", 2))
            .put("bars60x1m", scenarioJson(BARS_PATH, BARS_RPS, bars).put("goalP99Ms", 5));
    Files.writeString(dir.resolve("api-" + stamp + ".json"), report.encodePrettily());
  }

  private static JsonObject scenarioJson(String path, int rate, LoadResult result) {
    return result.toJson().put("path", path).put("keys", INSTRUMENTS).put("targetRps", rate);
  }
}
