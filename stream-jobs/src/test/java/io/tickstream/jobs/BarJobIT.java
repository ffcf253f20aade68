package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.jobs.TradeScenario.ExpectedBar;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics job from {@link AnalyticsJob#define} on a MiniCluster (parallelism 2) against a
 * real Kafka broker and schema registry: seeded trades in, exactly the independently computed bars
 * out, read with {@code read_committed}.
 */
class BarJobIT {
  private static final Logger LOG = LoggerFactory.getLogger(BarJobIT.class);
  private static final List<String> INSTRUMENTS =
      List.of("BTCUSD.SIM", "ETHUSD.SIM", "SOLUSD.SIM", "AAPL.XNAS", "MSFT.XNAS", "EURUSD.FX");
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path dir;

  private static EmbeddedKafka kafka;
  private static SchemaRegistryServer registry;
  private static String registryUrl;

  @BeforeAll
  static void startKafkaAndRegistry() {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(
        2,
        Topics.TRADES.name(),
        Topics.BARS.name(),
        Topics.LATE_TRADES.name(),
        Topics.FEATURES.name());
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    registryUrl = registry.url();
  }

  @AfterAll
  static void stopRegistryAndKafka() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void barsOnKafkaEqualBarsComputedFromTheSameTradesAcrossATaskManagerLoss(
      @InjectMiniCluster MiniCluster flink) throws Exception {
    TradeScenario scenario = TradeScenario.generate(20260422L, 20_000, INSTRUMENTS, 12, 1_500);
    List<ExpectedBar> expected = new ArrayList<>(scenario.expectedBars("1s", 1_000));
    expected.addAll(scenario.expectedBars("1m", 60_000));
    int half = scenario.trades.size() / 2;
    produce(scenario.trades.subList(0, half));

    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromMap(
            Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "registry.url", registryUrl,
                "resolutions", "1s,1m",
                "parallelism", "2",
                "checkpoint.interval", "1s",
                "checkpoint.dir", dir.resolve("checkpoints").toUri().toString(),
                "transactional.id.prefix", "bar-job-it",
                "group.id", "bar-job-it"));
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(AnalyticsJob.clusterConfiguration(cfg));
    AnalyticsJob.define(env, cfg);
    JobClient job = env.executeAsync(AnalyticsJob.JOB_NAME);
    List<ExpectedBar> actual = new ArrayList<>();
    try (var bars = committedBarsConsumer()) {
      // Bars committed: a checkpoint completed. Open bars (the minute in progress) now live only
      // in keyed state, which the restarted job must restore from that checkpoint.
      readBars(bars, 1, actual);
      flink.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
      flink.startTaskManager();
      produce(
          concat(scenario.trades.subList(half, scenario.trades.size()), pushersThenLate(scenario)));
      readBars(bars, expected.size(), actual);
      // Anything beyond the expected bars that is already committed would be a duplicate.
      readBars(bars, expected.size() + 1, actual, Duration.ofSeconds(2));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }

    LOG.info("{} trades gave {} bars", scenario.trades.size(), actual.size());
    assertThat(actual).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    // The in-order trades had none past the lateness; the two sent after the pushers are.
    assertThat(readLateTrades(scenario.lateTrades.size()))
        .containsExactlyInAnyOrderElementsOf(scenario.lateTrades);
  }

  private static List<TradeTick> pushersThenLate(TradeScenario scenario) {
    return concat(scenario.watermarkPushers, scenario.lateTrades);
  }

  /** Trades in the given order, with an undecodable value after every 2,500. */
  private static void produce(List<TradeTick> trades) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (var producer =
            new KafkaProducer<>(
                props,
                new StringSerializer(),
                new AvroWireSerializer<>(Topics.TRADES, registryUrl));
        var raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      int n = 0;
      for (TradeTick trade : trades) {
        producer.send(new ProducerRecord<>(Topics.TRADES.name(), trade.getInstrumentId(), trade));
        if (++n % 2_500 == 0) {
          producer.flush();
          raw.send(
              new ProducerRecord<>(
                  Topics.TRADES.name(),
                  trade.getInstrumentId(),
                  "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)));
          raw.flush();
        }
      }
    }
  }

  private static KafkaConsumer<String, Bar> committedBarsConsumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroWireDeserializer<>(Topics.BARS, registryUrl));
    consumer.assign(partitions(Topics.BARS.name()));
    consumer.seekToBeginning(consumer.assignment());
    return consumer;
  }

  private static void readBars(
      KafkaConsumer<String, Bar> consumer, int atLeast, List<ExpectedBar> into) {
    readBars(consumer, atLeast, into, DEADLINE);
  }

  /** Polls into {@code into} until it holds {@code atLeast} bars or {@code patience} passed. */
  private static void readBars(
      KafkaConsumer<String, Bar> consumer, int atLeast, List<ExpectedBar> into, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (into.size() < atLeast && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, Bar> record : consumer.poll(Duration.ofMillis(200))) {
        assertThat(record.key()).isEqualTo(record.value().getInstrumentId());
        assertThat(record.value().getTsInit()).isPositive();
        into.add(ExpectedBar.of(record.value()));
      }
    }
  }

  /** Late trades go at least once: read until each expected one is there. */
  private static Set<TradeTick> readLateTrades(int expectedCount) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    Set<TradeTick> late = new HashSet<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    try (var consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new AvroWireDeserializer<>(Topics.LATE_TRADES, registryUrl))) {
      consumer.assign(partitions(Topics.LATE_TRADES.name()));
      consumer.seekToBeginning(consumer.assignment());
      while (late.size() < expectedCount && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> late.add(r.value()));
      }
    }
    return late;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<TopicPartition> partitions(String topic) {
    return List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
  }
}
