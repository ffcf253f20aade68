package io.tickstream.sink;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The sink's configuration, validated once when built. See {@link SinkSetting} for keys, defaults
 * and descriptions.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port,...}
 * @param registryUrl schema registry, {@code http(s)://...} or {@code mock://scope}
 * @param jdbcUrl database, {@code jdbc:postgresql://...}
 * @param user database user
 * @param password database password, empty for none
 * @param groupId Kafka consumer group
 * @param maxBatchRows most records per poll and per database transaction, 1..100000
 * @param pollTimeout how long one poll waits
 * @param retryBackoffMin first pause before retrying a failed batch
 * @param retryBackoffMax longest pause between retries
 * @param httpPort port of {@code /health} and {@code /metrics}, 0 for any free port
 * @param storage which tables are written and the TimescaleDB policies of the hypertables
 */
public record SinkConfig(
    String bootstrapServers,
    String registryUrl,
    String jdbcUrl,
    String user,
    String password,
    String groupId,
    int maxBatchRows,
    Duration pollTimeout,
    Duration retryBackoffMin,
    Duration retryBackoffMax,
    int httpPort,
    StorageOptions storage) {

  /** A configuration with {@link StorageOptions#defaults() default storage options}. */
  public SinkConfig(
      String bootstrapServers,
      String registryUrl,
      String jdbcUrl,
      String user,
      String password,
      String groupId,
      int maxBatchRows,
      Duration pollTimeout,
      Duration retryBackoffMin,
      Duration retryBackoffMax,
      int httpPort) {
    this(
        bootstrapServers,
        registryUrl,
        jdbcUrl,
        user,
        password,
        groupId,
        maxBatchRows,
        pollTimeout,
        retryBackoffMin,
        retryBackoffMax,
        httpPort,
        StorageOptions.defaults());
  }

  /** Validates every field. */
  public SinkConfig {
    List<String> errors = new ArrayList<>();
    require(errors, bootstrapServers, SinkSetting.BOOTSTRAP_SERVERS, "host:port[,host:port...]");
    require(errors, registryUrl, SinkSetting.REGISTRY_URL, "http(s)://host:port or mock://scope");
    require(errors, user, SinkSetting.USER, "a database user name");
    require(errors, groupId, SinkSetting.GROUP_ID, "a consumer group id");
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      errors.add(SinkSetting.JDBC_URL.key() + " must start with jdbc:postgresql:, got " + jdbcUrl);
    }
    if (registryUrl != null
        && !registryUrl.isBlank()
        && !registryUrl.matches("(https?|mock)://.+")) {
      errors.add(
          SinkSetting.REGISTRY_URL.key()
              + " must be http(s)://... or mock://..., got "
              + registryUrl);
    }
    if (maxBatchRows < 1 || maxBatchRows > 100_000) {
      errors.add(SinkSetting.MAX_BATCH_ROWS.key() + " must be in 1..100000, got " + maxBatchRows);
    }
    positive(errors, pollTimeout, SinkSetting.POLL_TIMEOUT_MS);
    positive(errors, retryBackoffMin, SinkSetting.RETRY_BACKOFF_MIN_MS);
    positive(errors, retryBackoffMax, SinkSetting.RETRY_BACKOFF_MAX_MS);
    if (retryBackoffMin != null
        && retryBackoffMax != null
        && retryBackoffMax.compareTo(retryBackoffMin) < 0) {
      errors.add(
          SinkSetting.RETRY_BACKOFF_MAX_MS.key()
              + " must be >= "
              + SinkSetting.RETRY_BACKOFF_MIN_MS.key());
    }
    if (httpPort < 0 || httpPort > 65_535) {
      errors.add(SinkSetting.HTTP_PORT.key() + " must be in 0..65535, got " + httpPort);
    }
    if (password == null) {
      password = "";
    }
    if (storage == null) {
      errors.add("storage options are missing");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid sink configuration: " + String.join("; ", errors));
    }
  }

  private static void require(List<String> errors, String value, SinkSetting s, String expected) {
    if (value == null || value.isBlank()) {
      errors.add(s.key() + " is empty; expected " + expected);
    }
  }

  private static void positive(List<String> errors, Duration d, SinkSetting s) {
    if (d == null || d.isNegative() || d.isZero()) {
      errors.add(s.key() + " must be a positive number of ms, got " + d);
    }
  }

  /** The configuration with every option at its default. */
  public static SinkConfig defaults() {
    return fromProperties(new Properties());
  }

  /**
   * Builds a configuration from properties keyed as in {@link SinkSetting}; missing keys take their
   * defaults.
   *
   * @throws IllegalArgumentException for unknown keys, non-numeric numbers or invalid values
   */
  public static SinkConfig fromProperties(Properties props) {
    List<String> unknown =
        props.stringPropertyNames().stream()
            .filter(k -> SinkSetting.byKey(k).isEmpty())
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown sink option(s) "
              + unknown
              + "; known: "
              + Arrays.stream(SinkSetting.values())
                  .map(SinkSetting::key)
                  .collect(Collectors.joining(", ")));
    }
    Map<SinkSetting, String> v = new EnumMap<>(SinkSetting.class);
    for (SinkSetting s : SinkSetting.values()) {
      v.put(s, props.getProperty(s.key(), s.defaultValue()).trim());
    }
    return new SinkConfig(
        v.get(SinkSetting.BOOTSTRAP_SERVERS),
        v.get(SinkSetting.REGISTRY_URL),
        v.get(SinkSetting.JDBC_URL),
        v.get(SinkSetting.USER),
        v.get(SinkSetting.PASSWORD),
        v.get(SinkSetting.GROUP_ID),
        number(v, SinkSetting.MAX_BATCH_ROWS),
        Duration.ofMillis(number(v, SinkSetting.POLL_TIMEOUT_MS)),
        Duration.ofMillis(number(v, SinkSetting.RETRY_BACKOFF_MIN_MS)),
        Duration.ofMillis(number(v, SinkSetting.RETRY_BACKOFF_MAX_MS)),
        number(v, SinkSetting.HTTP_PORT),
        storage(v));
  }

  private static StorageOptions storage(Map<SinkSetting, String> v) {
    return new StorageOptions(
        bool(v, SinkSetting.STORE_TRADES),
        bool(v, SinkSetting.STORE_QUOTES),
        policy(
            v,
            SinkSetting.TRADES_CHUNK_INTERVAL,
            SinkSetting.TRADES_COMPRESS_AFTER,
            SinkSetting.TRADES_RETENTION),
        policy(
            v,
            SinkSetting.QUOTES_CHUNK_INTERVAL,
            SinkSetting.QUOTES_COMPRESS_AFTER,
            SinkSetting.QUOTES_RETENTION),
        policy(
            v,
            SinkSetting.BARS_CHUNK_INTERVAL,
            SinkSetting.BARS_COMPRESS_AFTER,
            SinkSetting.BARS_RETENTION));
  }

  private static TablePolicy policy(
      Map<SinkSetting, String> v, SinkSetting chunk, SinkSetting compress, SinkSetting retention) {
    try {
      return new TablePolicy(v.get(chunk), v.get(compress), v.get(retention));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          chunk.key() + " / " + compress.key() + " / " + retention.key() + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean bool(Map<SinkSetting, String> values, SinkSetting s) {
    String value = values.get(s);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(s.key() + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static int number(Map<SinkSetting, String> values, SinkSetting s) {
    try {
      return Integer.parseInt(values.get(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          s.key()
              + " must be a whole number ("
              + s.description()
              + "), got '"
              + values.get(s)
              + "'");
    }
  }

  /**
   * Parses command-line arguments: {@code [--config file.properties] [--key value]...}. Values from
   * the file override defaults; {@code --key value} pairs override the file.
   */
  public static SinkConfig fromArgs(String... args) {
    Properties props = new Properties();
    Properties overrides = new Properties();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --key value pairs (or --config file), got '" + arg + "'");
      }
      String key = arg.substring(2);
      String value = args[++i];
      if (key.equals("config")) {
        props.putAll(load(Path.of(value)));
      } else {
        overrides.setProperty(key, value);
      }
    }
    props.putAll(overrides);
    return fromProperties(props);
  }

  /** Reads a properties file (UTF-8). */
  public static Properties load(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sink configuration " + file, e);
    }
    return props;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SinkConfig[bootstrapServers=%s, registryUrl=%s, jdbcUrl=%s, user=%s, password=%s, groupId=%s, maxBatchRows=%d, pollTimeout=%s, retryBackoffMin=%s, retryBackoffMax=%s, httpPort=%d, storage=%s]"
        .formatted(
            bootstrapServers,
            registryUrl,
            jdbcUrl,
            user,
            password.isEmpty() ? "(none)" : "****",
            groupId,
            maxBatchRows,
            pollTimeout,
            retryBackoffMin,
            retryBackoffMax,
            httpPort,
            storage);
  }
}
