package io.tickstream.jobs;

import io.tickstream.signals.bars.TimeBarSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * The analytics job's configuration, parsed once at the edge and validated here. Keys, defaults and
 * descriptions are in {@link AnalyticsJobOption}.
 *
 * @param bootstrapServers Kafka brokers
 * @param registryUrl schema registry URL ({@code mock://scope} in unit tests)
 * @param resolutions time bar resolutions, distinct
 * @param thresholdBars tick and volume bar resolutions, distinct; with the time ones at least one
 * @param maxOutOfOrderness bound of the event-time disorder of trades within one partition
 * @param idleness a partition without trades for this long is marked idle; zero disables
 * @param watermarkInterval how often each source split emits a watermark (Flink's {@code
 *     pipeline.auto-watermark-interval}); above zero
 * @param allowedLateness how long after its close a bar accepts late trades (as revisions)
 * @param emptyBars what an interval without trades produces
 * @param stateTtl event time without bars after which an instrument's analytics state is dropped
 * @param signalsDelivery delivery guarantee of the signals sink
 * @param plan strategies, ensembles and the instruments and resolutions that get features
 * @param parallelism job parallelism, 0 for the environment's default
 * @param checkpointInterval checkpoint interval
 * @param checkpointDir checkpoint storage URI
 * @param stateBackend keyed state backend
 * @param transactionalIdPrefix transactional id prefix of the exactly-once sinks (a suffix each)
 * @param transactionTimeout Kafka transaction timeout of the exactly-once sinks
 * @param groupId consumer group of the trade source
 * @param startingOffsets where to start without a checkpoint or committed offsets
 */
public record AnalyticsJobConfig(
    String bootstrapServers,
    String registryUrl,
    List<TimeBarSpec> resolutions,
    List<ThresholdBarSpec> thresholdBars,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration watermarkInterval,
    Duration allowedLateness,
    EmptyBars emptyBars,
    Duration stateTtl,
    Delivery signalsDelivery,
    SignalPlan plan,
    int parallelism,
    Duration checkpointInterval,
    String checkpointDir,
    StateBackendKind stateBackend,
    String transactionalIdPrefix,
    Duration transactionTimeout,
    String groupId,
    StartingOffsets startingOffsets) {

  /** Kafka brokers refuse transactions longer than this by default (transaction.max.timeout.ms). */
  public static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  /** Keyed state backends the job can run on. */
  public enum StateBackendKind {
    HASHMAP,
    ROCKSDB;

    /** The value of Flink's {@code state.backend.type}. */
    public String flinkName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What an interval without trades produces. */
  public enum EmptyBars {
    /** No bar: consumers see a gap. */
    SKIP,
    /** A flat bar at the previous close, volume 0, tradeCount 0, until state.ttl passes. */
    CARRY_FORWARD
  }

  /** Delivery guarantee of a sink. */
  public enum Delivery {
    AT_LEAST_ONCE,
    EXACTLY_ONCE
  }

  /** Where the trade source starts when neither a checkpoint nor committed offsets exist. */
  public enum StartingOffsets {
    EARLIEST,
    LATEST
  }

  public AnalyticsJobConfig {
    requireText(bootstrapServers, AnalyticsJobOption.BOOTSTRAP_SERVERS);
    requireText(registryUrl, AnalyticsJobOption.REGISTRY_URL);
    Objects.requireNonNull(resolutions, "resolutions");
    resolutions = List.copyOf(resolutions);
    thresholdBars = List.copyOf(Objects.requireNonNull(thresholdBars, "thresholdBars"));
    if (resolutions.isEmpty() && thresholdBars.isEmpty()) {
      throw invalid(AnalyticsJobOption.RESOLUTIONS, "needs at least one bar resolution");
    }
    if (thresholdBars.stream().map(ThresholdBarSpec::text).distinct().count()
        < thresholdBars.size()) {
      throw invalid(AnalyticsJobOption.RESOLUTIONS, "lists a tick or volume bar twice");
    }
    Set<Long> sizes = new HashSet<>();
    for (TimeBarSpec spec : resolutions) {
      if (!sizes.add(spec.sizeNanos())) {
        throw invalid(AnalyticsJobOption.RESOLUTIONS, "lists the size of " + spec + " twice");
      }
    }
    requireNotNegative(maxOutOfOrderness, AnalyticsJobOption.MAX_OUT_OF_ORDERNESS);
    requireNotNegative(idleness, AnalyticsJobOption.IDLENESS);
    Objects.requireNonNull(watermarkInterval, AnalyticsJobOption.WATERMARK_INTERVAL.key());
    if (watermarkInterval.toMillis() < 1) {
      // Zero would turn periodic watermarks off: no time bar would ever close.
      throw invalid(
          AnalyticsJobOption.WATERMARK_INTERVAL,
          "must be at least 1ms (0 stops watermarks, so no bar would close); was "
              + watermarkInterval);
    }
    requireNotNegative(allowedLateness, AnalyticsJobOption.ALLOWED_LATENESS);
    Objects.requireNonNull(emptyBars, AnalyticsJobOption.EMPTY_BARS.key());
    Objects.requireNonNull(signalsDelivery, AnalyticsJobOption.SIGNALS_DELIVERY.key());
    Objects.requireNonNull(plan, "plan");
    requireNotNegative(stateTtl, AnalyticsJobOption.STATE_TTL);
    long largest = resolutions.stream().mapToLong(TimeBarSpec::sizeNanos).max().orElse(0);
    if (stateTtl.toNanos() <= largest) {
      throw invalid(
          AnalyticsJobOption.STATE_TTL,
          "must be longer than the largest resolution, or every such bar would find its"
              + " indicators cleared; was "
              + stateTtl);
    }
    if (parallelism < 0) {
      throw invalid(AnalyticsJobOption.PARALLELISM, "must be 0 (default) or positive");
    }
    requireNotNegative(checkpointInterval, AnalyticsJobOption.CHECKPOINT_INTERVAL);
    if (checkpointInterval.toMillis() < 10) {
      throw invalid(AnalyticsJobOption.CHECKPOINT_INTERVAL, "must be at least 10ms");
    }
    requireText(checkpointDir, AnalyticsJobOption.CHECKPOINT_DIR);
    Objects.requireNonNull(stateBackend, AnalyticsJobOption.STATE_BACKEND.key());
    requireText(transactionalIdPrefix, AnalyticsJobOption.TRANSACTIONAL_ID_PREFIX);
    if (!transactionalIdPrefix.matches("[A-Za-z0-9._-]+")) {
      throw invalid(
          AnalyticsJobOption.TRANSACTIONAL_ID_PREFIX,
          "'" + transactionalIdPrefix + "' may hold only letters, digits, '.', '_' and '-'");
    }
    requireNotNegative(transactionTimeout, AnalyticsJobOption.TRANSACTION_TIMEOUT);
    if (transactionTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) > 0
        || transactionTimeout.compareTo(checkpointInterval) <= 0) {
      throw invalid(
          AnalyticsJobOption.TRANSACTION_TIMEOUT,
          "must be longer than the checkpoint interval ("
              + checkpointInterval
              + ") and at most the broker maximum of 15 minutes, was "
              + transactionTimeout);
    }
    requireText(groupId, AnalyticsJobOption.GROUP_ID);
    Objects.requireNonNull(startingOffsets, AnalyticsJobOption.STARTING_OFFSETS.key());
  }

  /** The configuration with every option at its default. */
  public static AnalyticsJobConfig defaults() {
    return fromMap(Map.of());
  }

  /**
   * Parses options by key ({@link AnalyticsJobOption#key()}); missing ones take their defaults.
   *
   * @throws IllegalArgumentException naming the option, for unknown keys and invalid values
   */
  public static AnalyticsJobConfig fromMap(Map<String, String> values) {
    Map<AnalyticsJobOption, String> v = new EnumMap<>(AnalyticsJobOption.class);
    for (AnalyticsJobOption o : AnalyticsJobOption.values()) {
      v.put(o, o.defaultValue());
    }
    Map<String, String> planKeys = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (SignalPlan.isPlanKey(key.trim())) {
            planKeys.put(key.trim(), Objects.requireNonNull(value, key).trim());
            return;
          }
          AnalyticsJobOption o =
              AnalyticsJobOption.byKey(key.trim())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown option '" + key + "'; " + AnalyticsJobOption.usage()));
          v.put(o, Objects.requireNonNull(value, key).trim());
        });
    List<String> specTexts = specTexts(v.get(AnalyticsJobOption.RESOLUTIONS));
    List<ThresholdBarSpec> thresholdBars = new java.util.ArrayList<>();
    List<TimeBarSpec> resolutions = new java.util.ArrayList<>();
    try {
      for (String text : specTexts) {
        ThresholdBarSpec.parse(text)
            .ifPresentOrElse(thresholdBars::add, () -> resolutions.add(TimeBarSpec.parse(text)));
      }
    } catch (IllegalArgumentException e) {
      throw invalid(
          AnalyticsJobOption.RESOLUTIONS,
          e.getMessage() + "; tick and volume bars are <n>t and <x>v (e.g. 100t, 1000v)");
    }
    SignalPlan plan =
        SignalPlan.parse(
            planKeys,
            java.util.stream.Stream.concat(
                    resolutions.stream().map(TimeBarSpec::text),
                    thresholdBars.stream().map(ThresholdBarSpec::text))
                .toList(),
            v.get(AnalyticsJobOption.FEATURES_INSTRUMENTS),
            v.get(AnalyticsJobOption.FEATURES_RESOLUTIONS));
    return new AnalyticsJobConfig(
        v.get(AnalyticsJobOption.BOOTSTRAP_SERVERS),
        v.get(AnalyticsJobOption.REGISTRY_URL),
        resolutions,
        thresholdBars,
        duration(v, AnalyticsJobOption.MAX_OUT_OF_ORDERNESS),
        duration(v, AnalyticsJobOption.IDLENESS),
        duration(v, AnalyticsJobOption.WATERMARK_INTERVAL),
        duration(v, AnalyticsJobOption.ALLOWED_LATENESS),
        choice(v, AnalyticsJobOption.EMPTY_BARS, EmptyBars.class),
        duration(v, AnalyticsJobOption.STATE_TTL),
        choice(v, AnalyticsJobOption.SIGNALS_DELIVERY, Delivery.class),
        plan,
        integer(v, AnalyticsJobOption.PARALLELISM),
        duration(v, AnalyticsJobOption.CHECKPOINT_INTERVAL),
        v.get(AnalyticsJobOption.CHECKPOINT_DIR),
        choice(v, AnalyticsJobOption.STATE_BACKEND, StateBackendKind.class),
        v.get(AnalyticsJobOption.TRANSACTIONAL_ID_PREFIX),
        duration(v, AnalyticsJobOption.TRANSACTION_TIMEOUT),
        v.get(AnalyticsJobOption.GROUP_ID),
        choice(v, AnalyticsJobOption.STARTING_OFFSETS, StartingOffsets.class));
  }

  /** Parses a properties file holding option keys. */
  public static AnalyticsJobConfig fromProperties(Path file) {
    return fromMap(readProperties(file));
  }

  /**
   * Parses {@code --key value} pairs. {@code --config <file>} first loads a properties file; the
   * other pairs override its values whatever their position.
   */
  public static AnalyticsJobConfig fromArgs(String... args) {
    Map<String, String> fromArgs = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --key value pairs, got '" + args[i] + "'; " + AnalyticsJobOption.usage());
      }
      fromArgs.put(args[i].substring(2), args[i + 1]);
    }
    Map<String, String> merged = new LinkedHashMap<>();
    String file = fromArgs.remove("config");
    if (file != null) {
      merged.putAll(readProperties(Path.of(file)));
    }
    merged.putAll(fromArgs);
    return fromMap(merged);
  }

  /** The bar resolutions as text, e.g. {@code 1s,1m,tick-100}. */
  public String resolutionsText() {
    return String.join(
        ",",
        java.util.stream.Stream.concat(
                resolutions.stream().map(TimeBarSpec::text),
                thresholdBars.stream().map(ThresholdBarSpec::text))
            .toList());
  }

  /** The transactional id prefix of one exactly-once sink: the job's prefix and a suffix. */
  public String transactionalIdPrefix(String sink) {
    return transactionalIdPrefix + "-" + sink;
  }

  private static Map<String, String> readProperties(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read analytics job config " + file, e);
    }
    Map<String, String> map = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    return map;
  }

  private static List<String> specTexts(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Duration duration(Map<AnalyticsJobOption, String> v, AnalyticsJobOption o) {
    try {
      return TimeUtils.parseDuration(v.get(o));
    } catch (RuntimeException e) {
      throw invalid(o, "'" + v.get(o) + "' is not a duration such as 500ms, 2s, 5min");
    }
  }

  private static int integer(Map<AnalyticsJobOption, String> v, AnalyticsJobOption o) {
    try {
      return Integer.parseInt(v.get(o));
    } catch (NumberFormatException e) {
      throw invalid(o, "'" + v.get(o) + "' is not an integer");
    }
  }

  private static <E extends Enum<E>> E choice(
      Map<AnalyticsJobOption, String> v, AnalyticsJobOption o, Class<E> type) {
    try {
      return Enum.valueOf(type, v.get(o).toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw invalid(
          o,
          "'"
              + v.get(o)
              + "' is not one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                  .toList());
    }
  }

  private static void requireText(String value, AnalyticsJobOption o) {
    if (value == null || value.isBlank()) {
      throw invalid(o, "must not be empty");
    }
  }

  private static void requireNotNegative(Duration value, AnalyticsJobOption o) {
    Objects.requireNonNull(value, o.key());
    if (value.isNegative()) {
      throw invalid(o, "must not be negative, was " + value);
    }
  }

  private static IllegalArgumentException invalid(AnalyticsJobOption o, String problem) {
    return new IllegalArgumentException("analytics job option '" + o.key() + "' " + problem);
  }
}
