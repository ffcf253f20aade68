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
  HTTP_PORT("http.port", "9464", "Port of /health and /metrics (0: any free port)"),
  STORE_TRADES(
      "store.trades",
      "true",
      "Store every trade in table trades (latest_prices is kept either way): true or false"),
  STORE_QUOTES(
      "store.quotes", "true", "Store every quote in table quotes (off: md.quotes is not read)"),
  TRADES_CHUNK_INTERVAL(
      "timescale.trades.chunk.interval", "1 day", "TimescaleDB chunk width of trades"),
  TRADES_COMPRESS_AFTER(
      "timescale.trades.compress.after",
      "7 days",
      "Compress trades chunks older than this (off: never)"),
  TRADES_RETENTION(
      "timescale.trades.retention", "90 days", "Drop trades chunks older than this (off: never)"),
  QUOTES_CHUNK_INTERVAL(
      "timescale.quotes.chunk.interval", "1 day", "TimescaleDB chunk width of quotes"),
  QUOTES_COMPRESS_AFTER(
      "timescale.quotes.compress.after",
      "2 days",
      "Compress quotes chunks older than this (off: never)"),
  QUOTES_RETENTION(
      "timescale.quotes.retention", "30 days", "Drop quotes chunks older than this (off: never)"),
  BARS_CHUNK_INTERVAL("timescale.bars.chunk.interval", "7 days", "TimescaleDB chunk width of bars"),
  BARS_COMPRESS_AFTER(
      "timescale.bars.compress.after",
      "30 days",
      "Compress bars chunks older than this (off: never)"),
  BARS_RETENTION(
      "timescale.bars.retention", "off", "Drop bars chunks older than this (off: never)");

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
