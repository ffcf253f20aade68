package io.tickstream.bench.flink;

import io.tickstream.jobs.AnalyticsJob;
import io.tickstream.jobs.AnalyticsJobConfig;
import io.tickstream.jobs.BarStage;
import io.tickstream.jobs.TradeTickSerializer;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroRecordTypeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end throughput and latency of the analytics job (bars at 1s, 1m, 5m, 1h, 1d → features →
 * signals) on a local MiniCluster with parallelism 2, over 1,000 instruments:
 *
 * <ol>
 *   <li>generated: a bounded DataGen source, outputs discarded — ticks/s of the job itself;
 *   <li>kafka: the same job reading a pre-filled {@code md.trades} on an embedded broker (Confluent
 *       wire format, real registry) — ticks/s including Kafka and Avro decoding;
 *   <li>latency: a DataGen source paced at 50,000 ticks/s ({@link PacedRateLimiter}) with event
 *       time = ingestion time; p50/p99 of (processing time at the signal sink − bar end), see
 *       {@link LatencySink}.
 * </ol>
 *
 * <p>Writes {@code bench/results/flink-<timestamp>.json} under {@code tickstream.home} (default:
 * the current directory). System properties: {@code bench.generated.ticks} (default 3,000,000),
 * {@code bench.kafka.ticks} (1,000,000), {@code bench.latency.seconds} (25), {@code
 * bench.warmup.ticks} (1,000,000: ticks of the generated warm-up run before its measurement, kept
 * as {@code cold_*} in the results; the Kafka warm-up reads the whole pre-filled topic; 0 disables
 * both warm-ups).
 */
public final class FlinkBench {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkBench.class);
  static final int INSTRUMENTS = 1_000;
  static final int PARALLELISM = 2;

  private FlinkBench() {}

  /** Runs the three measurements and prints the summary line last. */
  public static void main(String[] args) throws Exception {
    long generatedTicks = Long.getLong("bench.generated.ticks", 3_000_000L);
    long kafkaTicks = Long.getLong("bench.kafka.ticks", 1_000_000L);
    int latencySeconds = Integer.getInteger("bench.latency.seconds", 25);
    long warmupTicks = Long.getLong("bench.warmup.ticks", 1_000_000L);
    Path home = Path.of(System.getProperty("tickstream.home", "."));

    // The first run of a job in a JVM is JIT-cold: a warm-up run precedes each measurement and is
    // kept as cold_* in the results.
    Measured generated = new Measured(generatedTicks);
    if (warmupTicks > 0) {
      generated.cold(warmupTicks, generated(warmupTicks));
      LOG.info("generated warm-up (cold): {} ticks/s", Math.round(generated.coldTps));
    }
    generated.tps = generated(generatedTicks);
    LOG.info("generated: {} ticks/s", Math.round(generated.tps));
    Measured kafkaRun = new Measured(kafkaTicks);
    try (KafkaTrades kafka = KafkaTrades.start(Files.createTempDirectory("flink-bench-kafka"))) {
      kafka.fill(kafkaTicks, INSTRUMENTS);
      if (warmupTicks > 0) {
        // The bounded source reads the whole pre-filled topic: the warm-up reads it once more.
        kafkaRun.cold(kafkaTicks, kafka(kafka, kafkaTicks));
        LOG.info("kafka warm-up (cold): {} ticks/s", Math.round(kafkaRun.coldTps));
      }
      kafkaRun.tps = kafka(kafka, kafkaTicks);
    }
    LOG.info("kafka: {} ticks/s", Math.round(kafkaRun.tps));
    double[] latency = latency(latencySeconds);
    LOG.info(
        "latency: p50 {} ms, p99 {} ms, max {} ms over {} signals",
        latency[0],
        latency[1],
        latency[2],
        (long) latency[3]);

    Path out = writeJson(home, generated, kafkaRun, latency);
    System.out.println("results: " + out);
    System.out.printf(
        Locale.ROOT,
        "flink: generated_tps=%d kafka_tps=%d p99_tick_to_signal_ms=%.1f%n",
        Math.round(generated.tps),
        Math.round(kafkaRun.tps),
        latency[1]);
  }

  /** The job's configuration for the bench: default resolutions, two strategies and an ensemble. */
  static AnalyticsJobConfig config(String registryUrl, String bootstrap, Duration disorder) {
    Map<String, String> m = new HashMap<>();
    m.put("bootstrap.servers", bootstrap);
    m.put("registry.url", registryUrl);
    m.put("max.out.of.orderness", disorder.toMillis() + "ms");
    m.put("idleness", "0s");
    m.put("strategy.cross.type", "ma-crossover");
    m.put("strategy.cross.param.fast", "10");
    m.put("strategy.cross.param.slow", "30");
    m.put("strategy.rsi.type", "rsi-mean-reversion");
    m.put("ensemble.vote.members", "cross:1,rsi:1");
    return AnalyticsJobConfig.fromMap(m);
  }

  private static StreamExecutionEnvironment environment() {
    return environment(PipelineOptions.AUTO_WATERMARK_INTERVAL.defaultValue());
  }

  private static StreamExecutionEnvironment environment(Duration watermarkInterval) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, watermarkInterval);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
    // As the job runs (AnalyticsJob.clusterConfiguration): chained operators share records.
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
    return env;
  }

  private static double generated(long ticks) throws Exception {
    // A simulated market of 1M ticks/s: event time advances 1 µs per tick.
    long start = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli() * 1_000_000L;
    DataGeneratorSource<TradeTick> source =
        new DataGeneratorSource<>(
            new SyntheticTrades(INSTRUMENTS, start, 1_000, false),
            ticks,
            new AvroRecordTypeInfo<>(TradeTick.class));
    AnalyticsJobConfig cfg = config("mock://flink-bench", "unused:9092", Duration.ofMillis(200));
    return ticks / run(environment(), source, cfg, "generated", false);
  }

  private static double kafka(KafkaTrades kafka, long ticks) throws Exception {
    AnalyticsJobConfig cfg =
        config(kafka.registryUrl(), kafka.bootstrapServers(), Duration.ofMillis(200));
    return ticks / run(environment(), kafka.boundedSource(cfg), cfg, "kafka", false);
  }

  private static double[] latency(int seconds) throws Exception {
    int rate = 50_000;
    DataGeneratorSource<TradeTick> source =
        new DataGeneratorSource<>(
            new SyntheticTrades(INSTRUMENTS, 0, 0, true),
            (long) rate * seconds,
            PacedRateLimiter.perSecond(rate),
            new AvroRecordTypeInfo<>(TradeTick.class));
    // Low-latency settings: watermarks every 1 ms (a bar is due when the watermark passes its end),
    // network buffers flushed within 1 ms.
    StreamExecutionEnvironment env = environment(Duration.ofMillis(1));
    env.setBufferTimeout(1);
    AnalyticsJobConfig cfg = config("mock://flink-bench", "unused:9092", Duration.ZERO);
    LatencySink.reset(SyntheticTrades.nowNanos() + Duration.ofSeconds(5).toNanos());
    run(env, source, cfg, "latency", true);
    return LatencySink.percentiles();
  }

  /** Runs the job over {@code source} with discarding sinks; returns its net runtime in s. */
  private static double run(
      StreamExecutionEnvironment env,
      Source<TradeTick, ?, ?> source,
      AnalyticsJobConfig cfg,
      String name,
      boolean measureSignals)
      throws Exception {
    DataStream<TradeTick> trades =
        env.fromSource(
            source,
            BarStage.watermarkStrategy(cfg),
            name + " trades",
            TradeTickSerializer.TYPE_INFO);
    AnalyticsJob.Outputs outputs = AnalyticsJob.build(trades, cfg);
    outputs.bars().sinkTo(new DiscardingSink<>()).name("bars");
    outputs.lateTrades().sinkTo(new DiscardingSink<>()).name("late");
    outputs.features().sinkTo(new DiscardingSink<>()).name("features");
    if (measureSignals) {
      outputs.signals().sinkTo(new LatencySink()).name("signal latency");
    } else {
      outputs.signals().sinkTo(new DiscardingSink<>()).name("signals");
    }
    JobExecutionResult result = env.execute("flink-bench " + name);
    double seconds = result.getNetRuntime() / 1000.0;
    LOG.info("{}: job ran {} s", name, seconds);
    return seconds;
  }

  /** A throughput measurement and, when a warm-up ran, the warm-up's (JIT-cold) figures. */
  private static final class Measured {
    final long ticks;
    double tps;
    long coldTicks;
    double coldTps = Double.NaN;

    Measured(long ticks) {
      this.ticks = ticks;
    }

    void cold(long ticks, double tps) {
      coldTicks = ticks;
      coldTps = tps;
    }

    String json() {
      String cold =
          Double.isNaN(coldTps)
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", \"cold_ticks\": %d, \"cold_ticks_per_s\": %d",
                  coldTicks,
                  Math.round(coldTps));
      return String.format(
          Locale.ROOT, "{\"ticks\": %d, \"ticks_per_s\": %d%s}", ticks, Math.round(tps), cold);
    }
  }

  private static Path writeJson(Path home, Measured generated, Measured kafka, double[] latency)
      throws Exception {
    Instant now = Instant.now();
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
    Path dir = home.resolve("bench/results");
    Files.createDirectories(dir);
    Path file = dir.resolve("flink-" + stamp + ".json");
    String json =
        String.format(
            Locale.ROOT,
            "{%n  \"benchmark\": \"flink\",%n  \"timestamp\": \"%s\",%n"
                + "  \"cores\": %d,%n  \"parallelism\": %d,%n  \"instruments\": %d,%n"
                + "  \"resolutions\": \"1s,1m,5m,1h,1d\",%n"
                + "  \"strategies\": \"ma-crossover(10,30), rsi-mean-reversion(14), ensemble\",%n"
                + "  \"generated\": %s,%n"
                + "  \"kafka\": %s,%n"
                + "  \"latency\": {\"rate_ticks_per_s\": 50000, \"p50_ms\": %.2f,"
                + " \"p99_ms\": %.2f, \"max_ms\": %.2f, \"signals\": %d}%n}%n",
            now,
            Runtime.getRuntime().availableProcessors(),
            PARALLELISM,
            INSTRUMENTS,
            generated.json(),
            kafka.json(),
            latency[0],
            latency[1],
            latency[2],
            (long) latency[3]);
    Files.writeString(file, json);
    return file;
  }
}
