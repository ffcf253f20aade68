package io.tickstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.refdata.InstrumentLoader;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedUniverse;
import io.tickstream.ingest.sim.SimulationProfile;
import io.tickstream.ingest.validate.ValidationRules;
import io.tickstream.ingest.validate.ValidatorConfig;
import io.tickstream.ingest.validate.ValidatorService;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.serde.AvroWireCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator on a real broker and registry: N valid simulated ticks mixed with M invalid ones of
 * every kind. md.dlq must hold exactly the invalid ones, with the right reason codes, and md.trades
 * / md.quotes exactly the valid ones, read with read_committed: nothing lost, nothing duplicated.
 * Sizes: system properties {@code ingest.it.valid} / {@code ingest.it.invalid}, set by the pom to
 * 1,000,000 + 10,000 (about 40 s here); smaller values give a quick run.
 */
class ValidationPipelineIT {
  private static final Logger LOG = LoggerFactory.getLogger(ValidationPipelineIT.class);
  private static final int PARTITIONS = 3;

  @TempDir Path dir;

  @Test
  void exactlyTheInvalidTicksAreDeadLetteredAndExactlyTheValidOnesPass() throws Exception {
    int valid = Integer.getInteger("ingest.it.valid", 1_000_000);
    int invalid = Integer.getInteger("ingest.it.invalid", 10_000);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        SchemaRegistryServer registry = SchemaRegistryServer.start(0, kafka.bootstrapServers())) {
      String bootstrap = kafka.bootstrapServers();
      for (var t :
          List.of(
              Topics.TRADES_RAW,
              Topics.QUOTES_RAW,
              Topics.TRADES,
              Topics.QUOTES,
              Topics.DEAD_LETTERS)) {
        kafka.createTopics(List.of(new NewTopic(t.name(), PARTITIONS, (short) 1)));
      }
      kafka.createTopics(
          List.of(
              new NewTopic(Topics.INSTRUMENTS.name(), 1, (short) 1)
                  .configs(Map.of("cleanup.policy", "compact"))));

      long start = System.currentTimeMillis() * 1_000_000L - 3_600_000_000_000L;
      var universe = SimulatedUniverse.generate(50, 11);
      var sim = new MarketSimulator(11, universe, start, 100_000, SimulationProfile.lively());
      try (var refs =
          new TickPublisher<Instrument>(
              Topics.INSTRUMENTS, bootstrap, registry.url(), Map.of(), new SimpleMeterRegistry())) {
        InstrumentLoader.load(sim.referenceData(start), refs);
      }

      var meters = new SimpleMeterRegistry();
      ValidatorConfig config =
          new ValidatorConfig(
              bootstrap,
              registry.url(),
              "it-validator",
              dir.resolve("streams"),
              1,
              Duration.ofMillis(100),
              ValidationRules.defaults(),
              Map.of());
      ExpectedOutput expected = new ExpectedOutput(sim.instruments());
      Map<String, DeadLetterReason> invalidAt = new HashMap<>();
      long t0 = System.nanoTime();
      try (ValidatorService validator =
          new ValidatorService(config, meters, Clock.systemUTC()).start()) {
        assertThat(validator.awaitRunning(Duration.ofSeconds(60))).isTrue();
        produce(bootstrap, registry.url(), sim, valid, invalid, expected, invalidAt);
        long t1 = System.nanoTime();
        LOG.info("produced {} valid + {} invalid in {} ms", valid, invalid, (t1 - t0) / 1_000_000);

        OutputReader.Result out =
            new OutputReader(bootstrap, registry.url())
                .readUntil(expected, invalid, Duration.ofMinutes(10));
        LOG.info(
            "read {} trades, {} quotes, {} dead letters ({} ms after producing)",
            out.trades(),
            out.quotes(),
            out.deadLetters().size(),
            (System.nanoTime() - t1) / 1_000_000);

        Map<DeadLetterReason, Integer> byReason = new EnumMap<>(DeadLetterReason.class);
        invalidAt.values().forEach(r -> byReason.merge(r, 1, Integer::sum));
        LOG.info("invalid records sent by reason: {}", byReason);

        assertThat(out.deadLetters()).hasSize(invalid);
        Map<String, String> actualReasons = new HashMap<>();
        out.deadLetters()
            .forEach(
                d ->
                    actualReasons.put(
                        d.getSourceTopic()
                            + "/"
                            + d.getSourcePartition()
                            + "/"
                            + d.getSourceOffset(),
                        d.getReasonCode().toString()));
        Map<String, String> expectedReasons = new HashMap<>();
        invalidAt.forEach((k, v) -> expectedReasons.put(k, v.name()));
        assertThat(actualReasons).isEqualTo(expectedReasons);
        assertThat(expected.unexpected())
            .as("records in md.trades/md.quotes that were never sent as valid")
            .isZero();
        assertThat(expected.duplicated()).as("valid ticks seen twice").isZero();
        assertThat(expected.missingTrades()).as("valid trades lost").isZero();
        assertThat(expected.missingQuotes()).as("valid quotes lost").isZero();
        assertThat(out.trades() + out.quotes()).isEqualTo(valid);
      }
    }
  }

  private static void produce(
      String bootstrap,
      String registryUrl,
      MarketSimulator sim,
      int valid,
      int invalid,
      ExpectedOutput expected,
      Map<String, DeadLetterReason> invalidAt)
      throws Exception {
    Properties p = new Properties();
    p.putAll(TickPublisher.producerConfig(Topics.TRADES_RAW, bootstrap, Map.of()));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "it-mix-producer");
    AtomicLong failed = new AtomicLong();
    Map<String, Future<RecordMetadata>> pending = new HashMap<>();
    Map<String, DeadLetterReason> reasons = new HashMap<>();
    try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      TickMix mix =
          new TickMix(
              sim,
              new AvroWireCodec<>(Topics.TRADES_RAW, registryUrl),
              new AvroWireCodec<>(Topics.QUOTES_RAW, registryUrl));
      int warmup = Math.min(5_000, valid / 10);
      long every = Math.max(1, (valid - warmup) / Math.max(1, invalid));
      int sentValid = 0;
      int sentInvalid = 0;
      while (sentValid < valid || sentInvalid < invalid) {
        boolean injectNow =
            sentInvalid < invalid
                && sentValid >= warmup
                && mix.warm(5)
                && ((sentValid - warmup) / every >= sentInvalid || sentValid >= valid);
        TickMix.Tick t = injectNow ? mix.invalid() : mix.valid();
        String topic = t.trade() ? Topics.TRADES_RAW.name() : Topics.QUOTES_RAW.name();
        var rec = new ProducerRecord<>(topic, t.key(), t.value());
        if (injectNow) {
          String id = "i" + sentInvalid++;
          pending.put(id, producer.send(rec));
          reasons.put(id, t.expected());
        } else {
          sentValid++;
          expected.add(t);
          producer.send(
              rec,
              (m, e) -> {
                if (e != null) failed.incrementAndGet();
              });
        }
      }
      producer.flush();
    }
    assertThat(failed.get()).isZero();
    for (var e : pending.entrySet()) {
      RecordMetadata m = e.getValue().get();
      invalidAt.put(m.topic() + "/" + m.partition() + "/" + m.offset(), reasons.get(e.getKey()));
    }
  }
}
