package io.tickstream.jobs;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real broker and registry for one IT class, with the job's topics and typed I/O helpers. */
final class JobStack implements AutoCloseable {
  final EmbeddedKafka kafka;
  final SchemaRegistryServer registry;

  private JobStack(EmbeddedKafka kafka, SchemaRegistryServer registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  static JobStack start(Path dir) {
    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(
        2,
        Topics.TRADES.name(),
        Topics.BARS.name(),
        Topics.LATE_TRADES.name(),
        Topics.FEATURES.name(),
        Topics.SIGNALS.name());
    return new JobStack(kafka, SchemaRegistryServer.start(0, kafka.bootstrapServers()));
  }

  /** Job options pointing at this stack, plus {@code extra}. */
  Map<String, String> options(Path dir, String name, Map<String, String> extra) {
    Map<String, String> m = new HashMap<>();
    m.put("bootstrap.servers", kafka.bootstrapServers());
    m.put("registry.url", registry.url());
    m.put("parallelism", "2");
    m.put("idleness", "0s");
    m.put("checkpoint.dir", dir.resolve("checkpoints-" + name).toUri().toString());
    m.put("transactional.id.prefix", name);
    m.put("group.id", name);
    m.putAll(extra);
    return m;
  }

  /** The job's cluster configuration with a fixed-delay restart strategy for failure tests. */
  static Configuration withRestarts(Configuration conf, int attempts) {
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    return conf;
  }

  void produce(List<TradeTick> trades) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (var producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.TRADES, registry.url()))) {
      for (TradeTick t : trades) {
        producer.send(new ProducerRecord<>(Topics.TRADES.name(), t.getInstrumentId(), t));
      }
    }
  }

  /** A read_committed consumer of every partition of {@code topic}, from the beginning. */
  <T extends SpecificRecord> KafkaConsumer<String, T> committed(Topic<String, T> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    var consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroWireDeserializer<>(topic, registry.url()));
    consumer.assign(
        List.of(new TopicPartition(topic.name(), 0), new TopicPartition(topic.name(), 1)));
    consumer.seekToBeginning(consumer.assignment());
    return consumer;
  }

  /**
   * The first offset still held of each partition of {@code topic}: above 0 when the broker deleted
   * records (retention), which a test that reads from the beginning must rule out.
   */
  Map<TopicPartition, Long> firstOffsets(Topic<?, ?> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      return consumer.beginningOffsets(
          List.of(new TopicPartition(topic.name(), 0), new TopicPartition(topic.name(), 1)));
    }
  }

  /** Polls once (up to 200 ms) and hands every value to {@code sink}; returns the count. */
  static <T> int pollInto(KafkaConsumer<String, T> consumer, Consumer<T> sink) {
    int n = 0;
    for (var r : consumer.poll(Duration.ofMillis(200))) {
      sink.accept(r.value());
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    registry.close();
    kafka.close();
  }
}
