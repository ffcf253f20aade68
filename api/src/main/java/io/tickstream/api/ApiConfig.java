package io.tickstream.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the query API needs to start, validated once at the edge. Read it from a properties
 * file and {@code --key value} arguments with {@link ApiConfigSource}; the keys are those of {@link
 * #DESCRIPTIONS}, the sample is {@code api.properties} on the class path.
 *
 * @param httpHost interface the HTTP server binds to ({@code http.host}, default 0.0.0.0)
 * @param httpPort HTTP port; 0 picks a free one ({@code http.port}, default 8080)
 * @param pgHost PostgreSQL host ({@code pg.host}, default localhost)
 * @param pgPort PostgreSQL port ({@code pg.port}, default 5432)
 * @param pgDatabase PostgreSQL database ({@code pg.database}, default postgres)
 * @param pgUser PostgreSQL user ({@code pg.user}, default postgres)
 * @param pgPassword PostgreSQL password, may be empty ({@code pg.password}, default empty)
 * @param pgPoolSize maximum connections in the pool ({@code pg.pool.size}, default 8)
 * @param defaultPageSize rows per page when a request names no limit ({@code page.default.size},
 *     default 500)
 * @param maxPageSize the largest limit a request may ask for ({@code page.max.size}, default 5000)
 * @param pricesRefreshMillis how often the in-memory copy of {@code latest_prices} that serves
 *     {@code /prices/latest/{id}} is reloaded ({@code prices.refresh.ms}, default 100; 0 reads the
 *     table on every request instead); see {@link LatestPriceCache}
 * @param auth token authentication ({@code auth.*}, see {@link AuthConfig})
 * @param limits request caps and rate limits ({@code limits.*}, {@code ratelimit.*})
 * @param streams live streams from Kafka ({@code kafka.bootstrap}, {@code stream.*})
 * @param backtests backtest workers and caps ({@code backtest.*})
 */
public record ApiConfig(
    String httpHost,
    int httpPort,
    String pgHost,
    int pgPort,
    String pgDatabase,
    String pgUser,
    String pgPassword,
    int pgPoolSize,
    int defaultPageSize,
    int maxPageSize,
    int pricesRefreshMillis,
    AuthConfig auth,
    LimitsConfig limits,
    StreamsConfig streams,
    BacktestsConfig backtests) {

  /** Default HTTP port, as documented in the README. */
  public static final int HTTP_PORT = 8080;

  /** Every configuration key with its one-line description, in the order of the record. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  /** Largest page size an operator may configure; bounds memory per request. */
  static final int PAGE_SIZE_CEILING = 100_000;

  /** Validates every field; messages name the configuration key. */
  public ApiConfig {
    httpHost = requireText(httpHost, "http.host");
    requirePort(httpPort, 0, "http.port");
    pgHost = requireText(pgHost, "pg.host");
    requirePort(pgPort, 1, "pg.port");
    pgDatabase = requireText(pgDatabase, "pg.database");
    pgUser = requireText(pgUser, "pg.user");
    Objects.requireNonNull(pgPassword, "pg.password (use an empty string for none)");
    requireRange(pgPoolSize, 1, 1_000, "pg.pool.size");
    requireRange(maxPageSize, 1, PAGE_SIZE_CEILING, "page.max.size");
    requireRange(defaultPageSize, 1, maxPageSize, "page.default.size");
    requireRange(pricesRefreshMillis, 0, 60_000, "prices.refresh.ms");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(backtests, "backtests");
  }

  /**
   * The defaults: HTTP on 0.0.0.0:8080, PostgreSQL {@code postgres@localhost:5432/postgres}, auth
   * enabled (with no key set yet), no streams.
   */
  public static ApiConfig defaults() {
    return fromMap(Map.of());
  }

  /**
   * Builds a config from {@code key -> value} pairs; missing keys keep their defaults.
   *
   * @throws IllegalArgumentException for an unknown key, an unparsable number or an invalid value,
   *     naming the key
   */
  public static ApiConfig fromMap(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (!DESCRIPTIONS.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown configuration key '" + key + "'; known keys: " + DESCRIPTIONS.keySet());
      }
    }
    ConfigValues v = new ConfigValues(values);
    int maxPageSize = integer(values, "page.max.size", 5000);
    return new ApiConfig(
        values.getOrDefault("http.host", "0.0.0.0"),
        integer(values, "http.port", HTTP_PORT),
        values.getOrDefault("pg.host", "localhost"),
        integer(values, "pg.port", 5432),
        values.getOrDefault("pg.database", "postgres"),
        values.getOrDefault("pg.user", "postgres"),
        values.getOrDefault("pg.password", ""),
        integer(values, "pg.pool.size", 8),
        // A smaller page.max.size alone lowers the default with it.
        integer(values, "page.default.size", Math.min(500, maxPageSize)),
        maxPageSize,
        integer(values, "prices.refresh.ms", 100),
        AuthConfig.from(v),
        LimitsConfig.from(v),
        StreamsConfig.from(v),
        BacktestsConfig.from(v));
  }

  /** This config pointing at another PostgreSQL server; for the embedded stack and tests. */
  public ApiConfig withPostgres(String host, int port, String database, String user, String pw) {
    return new ApiConfig(
        httpHost,
        httpPort,
        host,
        port,
        database,
        user,
        pw,
        pgPoolSize,
        defaultPageSize,
        maxPageSize,
        pricesRefreshMillis,
        auth,
        limits,
        streams,
        backtests);
  }

  /** This config with another HTTP port (0 picks a free one). */
  public ApiConfig withHttpPort(int port) {
    return new ApiConfig(
        httpHost,
        port,
        pgHost,
        pgPort,
        pgDatabase,
        pgUser,
        pgPassword,
        pgPoolSize,
        defaultPageSize,
        maxPageSize,
        pricesRefreshMillis,
        auth,
        limits,
        streams,
        backtests);
  }

  /** This config with other authentication settings. */
  public ApiConfig withAuth(AuthConfig newAuth) {
    return new ApiConfig(
        httpHost,
        httpPort,
        pgHost,
        pgPort,
        pgDatabase,
        pgUser,
        pgPassword,
        pgPoolSize,
        defaultPageSize,
        maxPageSize,
        pricesRefreshMillis,
        newAuth,
        limits,
        streams,
        backtests);
  }

  /** This config with other limits. */
  public ApiConfig withLimits(LimitsConfig newLimits) {
    return new ApiConfig(
        httpHost,
        httpPort,
        pgHost,
        pgPort,
        pgDatabase,
        pgUser,
        pgPassword,
        pgPoolSize,
        defaultPageSize,
        maxPageSize,
        pricesRefreshMillis,
        auth,
        newLimits,
        streams,
        backtests);
  }

  /** This config with other stream settings. */
  public ApiConfig withStreams(StreamsConfig newStreams) {
    return new ApiConfig(
        httpHost,
        httpPort,
        pgHost,
        pgPort,
        pgDatabase,
        pgUser,
        pgPassword,
        pgPoolSize,
        defaultPageSize,
        maxPageSize,
        pricesRefreshMillis,
        auth,
        limits,
        newStreams,
        backtests);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ApiConfig[http="
        + httpHost
        + ":"
        + httpPort
        + ", pg="
        + pgUser
        + "@"
        + pgHost
        + ":"
        + pgPort
        + "/"
        + pgDatabase
        + ", pgPassword="
        + (pgPassword.isEmpty() ? "<empty>" : "****")
        + ", pgPoolSize="
        + pgPoolSize
        + ", defaultPageSize="
        + defaultPageSize
        + ", maxPageSize="
        + maxPageSize
        + ", pricesRefreshMillis="
        + pricesRefreshMillis
        + ", "
        + auth
        + ", "
        + limits
        + ", "
        + streams
        + ", "
        + backtests
        + "]";
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("http.host", "interface the HTTP server binds to (default 0.0.0.0)");
    d.put("http.port", "HTTP port, 0 picks a free one (default 8080)");
    d.put("pg.host", "PostgreSQL host (default localhost)");
    d.put("pg.port", "PostgreSQL port (default 5432)");
    d.put("pg.database", "PostgreSQL database (default postgres)");
    d.put("pg.user", "PostgreSQL user (default postgres)");
    d.put("pg.password", "PostgreSQL password, may be empty (default empty)");
    d.put("pg.pool.size", "maximum PostgreSQL connections, 1..1000 (default 8)");
    d.put("page.default.size", "rows per page when a request names no limit (default 500)");
    d.put("page.max.size", "largest limit a request may ask for, 1..100000 (default 5000)");
    d.put(
        "prices.refresh.ms",
        "reload period of the in-memory latest prices, 0..60000; 0 reads the table per request"
            + " (default 100)");
    d.putAll(AuthConfig.DESCRIPTIONS);
    d.putAll(LimitsConfig.DESCRIPTIONS);
    d.putAll(StreamsConfig.DESCRIPTIONS);
    d.putAll(BacktestsConfig.DESCRIPTIONS);
    return Collections.unmodifiableMap(d);
  }

  private static int integer(Map<String, String> values, String key, int fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + raw + "'");
    }
  }

  private static String requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
    return value.strip();
  }

  private static void requirePort(int port, int min, String key) {
    requireRange(port, min, 65_535, key);
  }

  private static void requireRange(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in " + min + ".." + max + ", got " + value);
    }
  }
}
