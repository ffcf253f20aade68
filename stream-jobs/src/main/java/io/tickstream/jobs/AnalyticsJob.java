package io.tickstream.jobs;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializationSchema;
import io.tickstream.schemas.serde.AvroWireSerializationSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live analytics job: validated trades from {@code md.trades} become bars of every configured
 * resolution on {@code md.bars} (exactly once), and trades past the allowed lateness go to {@code
 * md.late} (at least once).
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

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);
  private static final String ROCKSDB_FACTORY =
      "org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackendFactory";

  private AnalyticsJob() {}

  /**
   * Adds the job to {@code env}: Kafka source of trades with per-partition watermarks, the {@link
   * BarStage}, and the Kafka sinks. Applies {@code cfg.parallelism()} when positive; sets nothing
   * else on the environment (checkpointing and state backend belong to whoever runs it, see {@link
   * #clusterConfiguration}) and does not execute.
   */
  public static void define(StreamExecutionEnvironment env, AnalyticsJobConfig cfg) {
    if (cfg.parallelism() > 0) {
      env.setParallelism(cfg.parallelism());
    }
    DataStream<TradeTick> trades =
        env.fromSource(tradeSource(cfg), BarStage.watermarkStrategy(cfg), "md.trades source")
            .uid(SOURCE_UID);
    BarStage.Result result = BarStage.build(trades, cfg);
    result.bars().sinkTo(barSink(cfg)).name("md.bars sink").uid(BARS_SINK_UID);
    result.lateTrades().sinkTo(lateTradeSink(cfg)).name("md.late sink").uid(LATE_SINK_UID);
  }

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
   * Checkpointing (exactly once, interval, durable directory, retained on cancellation) and the
   * state backend, as Flink 2.x configuration for the environment {@link #main} creates.
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

  /** Exactly-once bars, keyed by instrument. */
  static KafkaSink<Bar> barSink(AnalyticsJobConfig cfg) {
    return KafkaSink.<Bar>builder()
        .setBootstrapServers(cfg.bootstrapServers())
        .setRecordSerializer(
            records(Topics.BARS, cfg.registryUrl(), bar -> keyBytes(bar.getInstrumentId())))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(cfg.transactionalIdPrefix())
        .setProperty(
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            Long.toString(cfg.transactionTimeout().toMillis()))
        .build();
  }

  /**
   * Late trades, at least once: they are diagnostics, and a transaction per checkpoint would buy
   * nothing for them.
   */
  static KafkaSink<TradeTick> lateTradeSink(AnalyticsJobConfig cfg) {
    return KafkaSink.<TradeTick>builder()
        .setBootstrapServers(cfg.bootstrapServers())
        .setRecordSerializer(
            records(
                Topics.LATE_TRADES, cfg.registryUrl(), trade -> keyBytes(trade.getInstrumentId())))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  private static <T extends SpecificRecord> KafkaRecordSerializationSchema<T> records(
      Topic<String, T> topic, String registryUrl, SerializationSchema<T> key) {
    return KafkaRecordSerializationSchema.<T>builder()
        .setTopic(topic.name())
        .setKeySerializationSchema(key)
        .setValueSerializationSchema(new AvroWireSerializationSchema<>(topic, registryUrl))
        .build();
  }

  private static byte[] keyBytes(String instrumentId) {
    return instrumentId.getBytes(StandardCharsets.UTF_8);
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
