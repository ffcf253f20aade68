package io.tickstream.sink;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every option of the sink: its key in {@code sink.properties} (and as {@code --key value} on the
 * command line), its default and a one-line description.
 */
public enum SinkSetting {
  BOOTSTRAP_SERVERS(
      "bootstrap.servers", "localhost:9092", "Kafka brokers to read from, host:port,..."),
  REGISTRY_URL(
      "schema.registry.url",
      "http://localhost:8085",
      "Schema registry of the Avro values (http(s)://host:port, or mock://scope in tests)"),
  JDBC_URL(
      "jdbc.url",
      "jdbc:postgresql://localhost:5432/postgres",
      "PostgreSQL/TimescaleDB to write to (jdbc:postgresql://host:port/db)"),
  USER("jdbc.user", "postgres", "Database user"),
  PASSWORD("jdbc.password", "", "Database password (empty: none)"),
  GROUP_ID("group.id", "tickstream-sink", "Kafka consumer group; offsets are committed per group"),
  MAX_BATCH_ROWS(
      "max.batch.rows", "5000", "Most records polled and written in one database transaction"),
  POLL_TIMEOUT_MS("poll.timeout.ms", "500", "How long one poll waits for records, in ms"),
  RETRY_BACKOFF_MIN_MS(
      "retry.backoff.min.ms", "200", "First pause before retrying a failed batch, in ms"),
  RETRY_BACKOFF_MAX_MS(
      "retry.backoff.max.ms",
      "30000",
      "Longest pause between retries (the pause doubles up to this), in ms"),
  HTTP_PORT("http.port", "9464", "Port of /health and /metrics (0: any free port)");

  private final String key;
  private final String defaultValue;
  private final String description;

  SinkSetting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The property key, e.g. {@code jdbc.url}. */
  public String key() {
    return key;
  }

  /** The value used when the option is not given. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the option does, in one line. */
  public String description() {
    return description;
  }

  /** The setting with this key, if any. */
  public static Optional<SinkSetting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
