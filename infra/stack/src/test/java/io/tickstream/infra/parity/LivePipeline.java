package io.tickstream.infra.parity;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.execution.service.ExecutionService;
import io.tickstream.execution.service.ServiceTopics;
import io.tickstream.execution.service.config.MarketDataSource;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.ConfiguredVenues;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.jobs.AnalyticsJob;
import io.tickstream.jobs.AnalyticsJobConfig;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;

/**
 * The live trading path on embedded parts: an in-process Kafka broker and the bundled schema
 * registry, the analytics job ({@link AnalyticsJob#define}) on a Flink MiniCluster with
 * exactly-once signals, and the execution service (Kafka Streams, exactly once v2) with the
 * configured paper broker, filling against {@code md.trades}. The same parts {@code LocalStack}
 * starts, composed here because the stack's Flink part runs a fixed demo strategy set and the stack
 * has no execution service yet.
 */
final class LivePipeline implements AutoCloseable {
  static final int PARTITIONS = 2;
  private static final String APPLICATION_ID = "parity-execution";

  final EmbeddedKafka kafka;
  final SchemaRegistryServer registry;
  private final SimpleMeterRegistry meters;
  private final JobClient job;
  private final ExecutionService execution;

  private LivePipeline(
      EmbeddedKafka kafka,
      SchemaRegistryServer registry,
      SimpleMeterRegistry meters,
      JobClient job,
      ExecutionService execution) {
    this.kafka = kafka;
    this.registry = registry;
    this.meters = meters;
    this.job = job;
    this.execution = execution;
  }

  /** Starts every part and returns when the job and the service are running. */
  static LivePipeline start(Path dir, Map<String, String> strategyOptions) throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    SchemaRegistryServer registry = null;
    JobClient job = null;
    ExecutionService execution = null;
    try {
      kafka.createTopics(
          Topics.ALL.stream()
              .map(
                  t ->
                      new NewTopic(t.name(), PARTITIONS, (short) 1)
                          .configs(Map.of("cleanup.policy", t.cleanup().policy())))
              .toList());
      registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
      job = startJob(dir, kafka.bootstrapServers(), registry.url(), strategyOptions);
      ServiceConfig config = serviceConfig(dir, kafka.bootstrapServers(), registry.url());
      ServiceTopics.ensure(kafka.bootstrapServers(), ServiceTopics.of(config), PARTITIONS);
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      execution =
          new ExecutionService(
              config,
              ConfiguredVenues.of(config.venue(), config.stateDir(), VenueStats.detached()),
              meters);
      execution.start();
      ExecutionService started = execution;
      Awaitility.await("execution service running")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> started.state() == KafkaStreams.State.RUNNING);
      return new LivePipeline(kafka, registry, meters, job, execution);
    } catch (Exception | Error e) {
      new LivePipeline(kafka, registry, null, job, execution).close();
      throw e;
    }
  }

  /** The execution service: one account, paper broker filling against md.trades. */
  private static ServiceConfig serviceConfig(Path dir, String bootstrap, String registryUrl) {
    return new ServiceConfig(
        bootstrap,
        registryUrl,
        APPLICATION_ID,
        dir.resolve("execution-state"),
        100,
        1,
        1,
        MarketDataSource.TRADES,
        0,
        new VenueSettings.Paper(TradingSetup.FILLS),
        TradingSetup.INSTRUMENTS,
        List.of(TradingSetup.account()));
  }

  private static JobClient startJob(
      Path dir, String bootstrap, String registryUrl, Map<String, String> strategyOptions)
      throws Exception {
    Map<String, String> options = new HashMap<>(strategyOptions);
    options.put("bootstrap.servers", bootstrap);
    options.put("registry.url", registryUrl);
    options.put("resolutions", TradingSetup.BAR_SPEC);
    options.put("parallelism", String.valueOf(PARTITIONS));
    // Short checkpoints: exactly-once signals become visible at each one.
    options.put("checkpoint.interval", "200ms");
    options.put("checkpoint.dir", dir.resolve("checkpoints").toUri().toString());
    // Every partition gets a clock trade each bar, so no partition needs to be declared idle.
    options.put("idleness", "0s");
    AnalyticsJobConfig cfg = AnalyticsJobConfig.fromMap(options);
    Configuration conf = AnalyticsJob.clusterConfiguration(cfg);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(32));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
    AnalyticsJob.define(env, cfg);
    JobClient client = env.executeAsync(AnalyticsJob.JOB_NAME);
    Awaitility.await("analytics job running")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> client.getJobStatus().get() == JobStatus.RUNNING);
    return client;
  }

  /**
   * True when the execution service has committed its consumption of every record of {@code
   * md.trades} so far: they are then in its account log, ahead of any signal that comes later.
   */
  boolean tradesTakenIn() throws Exception {
    try (Admin admin = kafka.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(Topics.TRADES.name(), p), OffsetSpec.latest());
      }
      var ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream()
          .allMatch(
              e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return e.getValue().offset() == 0
                    || (c != null && c.offset() >= e.getValue().offset());
              });
    }
  }

  /** Signals the execution service has taken in so far (its own counter). */
  double signalsProcessed() {
    return meters.counter("tickstream.execution.signals").count();
  }

  <V extends SpecificRecord> KafkaProducer<String, V> producer(Topic<String, V> topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(
        p, new StringSerializer(), new AvroWireSerializer<>(topic, registry.url()));
  }

  /** Sends {@code value} to every partition of {@code topic} (clock trades), and flushes. */
  static <V> void toEveryPartition(
      KafkaProducer<String, V> producer, String topic, String key, V value) {
    for (int p = 0; p < PARTITIONS; p++) {
      producer.send(new ProducerRecord<>(topic, p, key, value));
    }
    producer.flush();
  }

  /** A read_committed reader of every partition of {@code topic}, from the beginning. */
  <V extends SpecificRecord> KafkaConsumer<String, V> committed(Topic<String, V> topic) {
    return reader(topic, "read_committed");
  }

  /** A reader of every partition of {@code topic} from the beginning, at {@code isolation}. */
  <V extends SpecificRecord> KafkaConsumer<String, V> reader(
      Topic<String, V> topic, String isolation) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    KafkaConsumer<String, V> c =
        new KafkaConsumer<>(
            p, new StringDeserializer(), new AvroWireDeserializer<>(topic, registry.url()));
    List<TopicPartition> parts = new ArrayList<>();
    for (int i = 0; i < PARTITIONS; i++) {
      parts.add(new TopicPartition(topic.name(), i));
    }
    c.assign(parts);
    c.seekToBeginning(parts);
    return c;
  }

  /** Polls once into {@code into}. */
  static <V> void poll(KafkaConsumer<String, V> consumer, List<V> into) {
    consumer.poll(Duration.ofMillis(100)).forEach(r -> into.add(r.value()));
  }

  /**
   * What {@code topic} holds, committed and uncommitted (read for 2 s), for a failure message: a
   * wait that times out says whether data was missing or only not yet committed.
   */
  String census(Topic<String, ?> topic) {
    StringBuilder b = new StringBuilder(topic.name()).append(':');
    for (String isolation : List.of("read_committed", "read_uncommitted")) {
      try (KafkaConsumer<String, ?> c = reader(topic, isolation)) {
        List<Object> all = new ArrayList<>();
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
          c.poll(Duration.ofMillis(100)).forEach(r -> all.add(r.value()));
        }
        b.append(' ').append(isolation).append('=').append(all.size());
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    if (execution != null) {
      execution.close();
    }
    if (job != null) {
      job.cancel().get();
    }
    if (registry != null) {
      registry.close();
    }
    kafka.close();
  }
}
