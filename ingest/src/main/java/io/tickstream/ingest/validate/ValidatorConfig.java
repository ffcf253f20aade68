package io.tickstream.ingest.validate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * Configuration of the validator service, parsed once at the edge. See {@code
 * validator.sample.properties} next to this class for every key, its default and its meaning.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registryUrl schema registry URL
 * @param applicationId Kafka Streams application id (consumer group, transactional id prefix)
 * @param stateDir Kafka Streams state directory (locks and checkpoints; stores are in memory)
 * @param threads stream threads in this instance
 * @param commitInterval how often transactions commit (latency of md.trades under read_committed)
 * @param rules the limits of the validation rules
 * @param streamsOverrides further Kafka Streams settings, applied last
 */
public record ValidatorConfig(
    String bootstrapServers,
    String registryUrl,
    String applicationId,
    Path stateDir,
    int threads,
    Duration commitInterval,
    ValidationRules rules,
    Map<String, String> streamsOverrides) {

  /** Prefix of keys passed through to Kafka Streams unchanged (without the prefix). */
  public static final String STREAMS_PREFIX = "streams.";

  public ValidatorConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(registryUrl, "registryUrl");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(rules, "rules");
    streamsOverrides = Map.copyOf(streamsOverrides);
    if (threads < 1) {
      throw new IllegalArgumentException("num.stream.threads must be >= 1, got " + threads);
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit.interval.ms must be > 0, got " + commitInterval);
    }
  }

  /** Defaults for a local stack at the given addresses. */
  public static ValidatorConfig defaults(String bootstrapServers, String registryUrl) {
    return fromProperties(new Properties(), bootstrapServers, registryUrl);
  }

  /**
   * Reads the keys of {@code validator.sample.properties}; absent keys take their defaults.
   *
   * @throws IllegalArgumentException naming the key of a value that does not parse
   */
  public static ValidatorConfig fromProperties(
      Properties p, String defaultBootstrap, String defaultRegistry) {
    ValidationRules d = ValidationRules.defaults();
    Map<String, String> overrides = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith(STREAMS_PREFIX)) {
        overrides.put(k.substring(STREAMS_PREFIX.length()), p.getProperty(k));
      }
    }
    return new ValidatorConfig(
        p.getProperty("bootstrap.servers", defaultBootstrap),
        p.getProperty("schema.registry.url", defaultRegistry),
        p.getProperty("application.id", "tickstream-validator"),
        Path.of(
            p.getProperty(
                "state.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "tickstream-validator").toString())),
        intOf(p, "num.stream.threads", 1),
        Duration.ofMillis(longOf(p, "commit.interval.ms", 100)),
        new ValidationRules(
            Duration.ofMillis(
                longOf(p, "validator.future.tolerance.ms", d.futureTolerance().toMillis())),
            Duration.ofMillis(
                longOf(p, "validator.duplicate.window.ms", d.duplicateWindow().toMillis())),
            decimalOf(p, "validator.bad.print.band", d.badPrintBand()),
            intOf(p, "validator.reference.window", d.referenceWindow()),
            intOf(p, "validator.reference.min.samples", d.referenceMinSamples())),
        overrides);
  }

  /** The Kafka Streams settings: exactly-once v2, in-memory DSL stores, then the overrides. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(
        StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
        BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
    p.putAll(streamsOverrides);
    return p;
  }

  private static int intOf(Properties p, String key, int def) {
    return (int) longOf(p, key, def);
  }

  private static long longOf(Properties p, String key, long def) {
    String v = p.getProperty(key);
    try {
      return v == null ? def : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number", e);
    }
  }

  private static BigDecimal decimalOf(Properties p, String key, BigDecimal def) {
    String v = p.getProperty(key);
    try {
      return v == null ? def : new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + v + "' is not a decimal number", e);
    }
  }
}
