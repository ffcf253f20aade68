package io.tickstream.jobs;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializationSchema;
import java.util.Arrays;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live analytics job: validated trades from {@code md.trades} become bars of every configured
 * resolution on {@code md.bars} (exactly once), indicator vectors on {@code analytics.features}
 * (exactly once) and strategy signals on {@code signals} (exactly once by default, or at least
 * once; deterministic ids); trades past the allowed lateness go to {@code md.late} (at least once).
 *
 * <p>{@link #define} only adds sources, operators and sinks, so a local environment (the embedded
 * stack, tests) and a cluster ({@link #main} via {@code flink run}) run the same graph.
 */
public final class AnalyticsJob {
  /** The job name, as shown in the Flink dashboard. */
  public static final String JOB_NAME = "tickstream-analytics";

  /** Stable uids of the job's sources and sinks. */
  public static final String SOURCE_UID = "md-trades-source";

  public static final String BARS_SINK_UID = "md-bars-sink";
  public static final String LATE_SINK_UID = "md-late-sink";
  public static final String FEATURES_SINK_UID = "analytics-features-sink";
  public static final String SIGNALS_SINK_UID = "signals-sink";

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);
  private static final String ROCKSDB_FACTORY =
      "org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackendFactory";

  private AnalyticsJob() {}

  /**
   * Adds the job to {@code env}: Kafka source of trades with per-partition watermarks ({@link
   * #trades}), the stages ({@link #build}) and the Kafka sinks ({@link #toKafka}). Applies {@code
   * cfg.parallelism()} when positive; sets nothing else on the environment (checkpointing and state
   * backend belong to whoever runs it, see {@link #clusterConfiguration}) and does not execute.
   */
  public static void define(StreamExecutionEnvironment env, AnalyticsJobConfig cfg) {
    if (cfg.parallelism() > 0) {
      env.setParallelism(cfg.parallelism());
    }
    toKafka(build(trades(env, cfg), cfg), cfg);
  }

  /**
   * The trades of {@code md.trades}, with event time and per-partition watermarks, typed {@link
   * TradeTickSerializer#TYPE_INFO} so that they cross the {@code keyBy} to the bars without Avro.
   */
  public static DataStream<TradeTick> trades(
      StreamExecutionEnvironment env, AnalyticsJobConfig cfg) {
    return env.fromSource(
            tradeSource(cfg),
            BarStage.watermarkStrategy(cfg),
            "md.trades source",
            TradeTickSerializer.TYPE_INFO)
        .uid(SOURCE_UID);
  }

  /**
   * What the job computes, as a pure function of trades that carry event time and watermarks: the
   * {@link BarStage} and the {@link AnalyticsStages}. Signals are absent when no strategy is
   * configured.
   */
  public static Outputs build(DataStream<TradeTick> trades, AnalyticsJobConfig cfg) {
    BarStage.Result result = BarStage.build(trades, cfg);
    DataStream<Signal> signals = null;
    if (cfg.plan().hasSignals()) {
      signals = AnalyticsStages.signals(result.bars(), cfg);
    } else {
      LOG.warn("no strategy.<id>.* or ensemble.<id>.* configured: the job emits no signals");
    }
    return new Outputs(
        result.bars(), result.lateTrades(), AnalyticsStages.features(result.bars(), cfg), signals);
  }

  /** Adds the Kafka sinks of {@code outputs}, each with a stable uid. */
  public static void toKafka(Outputs outputs, AnalyticsJobConfig cfg) {
    outputs.bars().sinkTo(AnalyticsSinks.bars(cfg)).name("md.bars sink").uid(BARS_SINK_UID);
    outputs
        .lateTrades()
        .sinkTo(AnalyticsSinks.lateTrades(cfg))
        .name("md.late sink")
        .uid(LATE_SINK_UID);
    outputs
        .features()
        .sinkTo(AnalyticsSinks.features(cfg))
        .name("analytics.features sink")
        .uid(FEATURES_SINK_UID);
    if (outputs.signals() != null) {
      outputs
          .signals()
          .sinkTo(AnalyticsSinks.signals(cfg))
          .name("signals sink")
          .uid(SIGNALS_SINK_UID);
    }
  }

  /**
   * The job's output streams.
   *
   * @param bars bars of every resolution, revisions included
   * @param lateTrades trades past the allowed lateness
   * @param features feature vectors, revisions included
   * @param signals signals, or null when no strategy is configured
   */
  public record Outputs(
      DataStream<Bar> bars,
      DataStream<TradeTick> lateTrades,
      DataStream<FeatureVector> features,
      DataStream<Signal> signals) {}

  /** Parses the options (see {@link AnalyticsJobOption}), configures checkpointing and runs. */
  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(
          "usage: flink run stream-jobs-job.jar [--config file.properties] [--key value ...]\n"
              + AnalyticsJobOption.usage());
      return;
    }
    AnalyticsJobConfig cfg = AnalyticsJobConfig.fromArgs(args);
    LOG.info("starting {} with {}", JOB_NAME, cfg);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(clusterConfiguration(cfg));
    define(env, cfg);
    env.execute(JOB_NAME);
  }

  /**
   * Checkpointing (exactly once, interval, durable directory, retained on cancellation), the state
   * backend and object reuse, as Flink 2.x configuration for the environment {@link #main} creates.
   *
   * @throws IllegalStateException when RocksDB is asked for but not on the classpath
   */
  public static Configuration clusterConfiguration(AnalyticsJobConfig cfg) {
    if (cfg.stateBackend() == AnalyticsJobConfig.StateBackendKind.ROCKSDB) {
      requireOnClasspath(ROCKSDB_FACTORY);
    }
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, cfg.checkpointInterval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, cfg.checkpointDir());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(StateBackendOptions.STATE_BACKEND, cfg.stateBackend().flinkName());
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, cfg.watermarkInterval());
    // Object reuse: chained operators hand records on without a serializer copy each. Safe because
    // no operator keeps or changes a record it does not own: BarAggregator reads a trade's fields
    // (immutable Strings and BigDecimals) and passes the trade itself on only to the late output;
    // ThresholdBars and ReplayingBarFunction keep input records in keyed state, which stays safe as
    // sources make a new record per element and every input serializer of the job
    // (TradeTickSerializer, BarSerializer, AvroRecordSerializer) returns a new record from
    // deserialize, never the reused instance; FeatureFunction and SignalFunction change only the
    // outputs they made, before emitting them; the sinks serialize a record when they get it.
    // Keep it that way when adding an operator, or turn this off.
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    return conf;
  }

  /** The trade source: committed group offsets when present, else {@code startingOffsets}. */
  static KafkaSource<TradeTick> tradeSource(AnalyticsJobConfig cfg) {
    OffsetResetStrategy reset =
        cfg.startingOffsets() == AnalyticsJobConfig.StartingOffsets.LATEST
            ? OffsetResetStrategy.LATEST
            : OffsetResetStrategy.EARLIEST;
    return KafkaSource.<TradeTick>builder()
        .setBootstrapServers(cfg.bootstrapServers())
        .setTopics(Topics.TRADES.name())
        .setGroupId(cfg.groupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
        .setValueOnlyDeserializer(
            new SkippingDeserializationSchema<>(
                new AvroWireDeserializationSchema<>(Topics.TRADES, cfg.registryUrl())))
        .build();
  }

  private static void requireOnClasspath(String className) {
    try {
      Class.forName(className, false, AnalyticsJob.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "state.backend=rocksdb needs flink-statebackend-rocksdb on the classpath (a Flink"
              + " distribution has it in lib/); use state.backend=hashmap otherwise",
          e);
    }
  }
}
