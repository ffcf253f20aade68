package io.tickstream.jobs;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every option of the analytics job: its key (in a properties file, or as {@code --key value} on
 * the command line), its default and a one-line description. {@link AnalyticsJobConfig} parses
 * them; {@code analytics-job.properties} in the resources is a sample. Strategies, ensembles and
 * instrument sets use keys with a variable part ({@code instruments.<set>}, {@code
 * strategy.<id>.*}, {@code ensemble.<id>.*}): see {@link SignalPlan}.
 */
public enum AnalyticsJobOption {
  BOOTSTRAP_SERVERS("bootstrap.servers", "localhost:9092", "Kafka brokers, host:port[,host:port]"),
  REGISTRY_URL(
      "registry.url",
      "http://localhost:8085",
      "Confluent-compatible schema registry URL (mock://scope for tests)"),
  RESOLUTIONS(
      "resolutions",
      "1s,1m,5m,1h,1d",
      "bar resolutions, comma-separated: time <n><s|m|h|d>, tick bars <n>t (every n trades),"
          + " volume bars <x>v (once the summed size reaches x); on md.bars as tick-<n>, volume-<x>"),
  EMPTY_BARS(
      "empty.bars",
      "skip",
      "an interval without trades: skip (no bar) or carry-forward (flat bar at the last close,"
          + " volume 0, until state.ttl after the instrument's last trade)"),
  FEATURES_RESOLUTIONS(
      "features.resolutions", "all", "bar resolutions that get features: all, or a subset"),
  FEATURES_INSTRUMENTS(
      "features.instruments",
      "*",
      "instruments that get features: an instruments.<set> name, or ids and globs (*, BTC*)"),
  MAX_OUT_OF_ORDERNESS(
      "max.out.of.orderness", "2s", "how far behind the newest trade a trade may arrive"),
  IDLENESS(
      "idleness", "5s", "a Kafka partition without trades for this long stops holding back time"),
  WATERMARK_INTERVAL(
      "watermark.interval",
      // Flink's default (200 ms) would hold every bar back by up to 200 ms after its last trade's
      // watermark; emitting a watermark is one comparison per split, so a short interval is cheap.
      "10ms",
      "how often each source split emits a watermark: a bar closes at most this long after the"
          + " watermark passes its end; above 0"),
  ALLOWED_LATENESS(
      "allowed.lateness",
      "0s",
      "how long after its close a bar still accepts trades, re-emitted as revision+1"),
  STATE_TTL(
      "state.ttl",
      "7d",
      "event time without bars after which an instrument's indicator and strategy state is"
          + " dropped; longer than the largest resolution"),
  SIGNALS_DELIVERY(
      "signals.delivery",
      // Exactly once by default: at least once re-sends a replayed signal under the same id, and
      // the content is the same only when the replay sees the same event time. With idleness (a
      // processing-time judgement) a failover can make a trade late in one attempt only; the
      // consumer then keeps the signal of the failed attempt. Exactly once shows only committed
      // ones.
      "exactly-once",
      "exactly-once (visible at checkpoints; the default) or at-least-once (sent when computed,"
          + " de-duplicate by signalId; a failover with idle partitions may re-send an id with"
          + " other content)"),
  PARALLELISM("parallelism", "0", "job parallelism; 0 keeps the environment's default"),
  CHECKPOINT_INTERVAL("checkpoint.interval", "5s", "exactly-once checkpoint interval"),
  CHECKPOINT_DIR(
      "checkpoint.dir", "file:///tmp/tickstream/checkpoints", "durable URI for checkpoints"),
  STATE_BACKEND("state.backend", "hashmap", "keyed state backend: hashmap or rocksdb"),
  TRANSACTIONAL_ID_PREFIX(
      "transactional.id.prefix",
      "tickstream-analytics",
      "Kafka transactional id prefix; each exactly-once sink appends -bars, -features, -signals;"
          + " unique per job on a cluster"),
  TRANSACTION_TIMEOUT(
      "transaction.timeout",
      "10min",
      "Kafka transaction timeout of the exactly-once sinks; below the broker's"
          + " transaction.max.timeout.ms"),
  GROUP_ID("group.id", "tickstream-analytics", "Kafka consumer group of the trade source"),
  STARTING_OFFSETS(
      "starting.offsets",
      "earliest",
      "where to read md.trades without a checkpoint or committed offsets: earliest or latest");

  private final String key;
  private final String defaultValue;
  private final String description;

  AnalyticsJobOption(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The key in properties files and on the command line (without {@code --}). */
  public String key() {
    return key;
  }

  /** The value used when the option is not given. */
  public String defaultValue() {
    return defaultValue;
  }

  /** One line for people. */
  public String description() {
    return description;
  }

  /** The option with this key, if any. */
  public static Optional<AnalyticsJobOption> byKey(String key) {
    return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
  }

  /** A usage text listing every option with its default. */
  public static String usage() {
    StringBuilder text =
        new StringBuilder("options (--key value, or key=value in --config file):\n");
    for (AnalyticsJobOption o : values()) {
      text.append(
          String.format("  --%-26s %s (default %s)%n", o.key, o.description, o.defaultValue));
    }
    text.append(SignalPlan.usage());
    return text.toString();
  }
}
