package io.tickstream.bench.ingest;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Ingest benchmark on an embedded broker and registry: our producer against Kafka's {@code
 * ProducerPerformance} (same settings, count and record size), and the validator's throughput.
 * Writes {@code bench/results/ingest-<timestamp>.json} under {@code -Dtickstream.home} (default:
 * the current directory); the last line on stdout is {@code ingest: producer_vs_perftool=<x>
 * validator_rps=<y>}.
 *
 * <p>Sizes: {@code -Dingest.bench.records} (default 1,000,000) and {@code
 * -Dingest.bench.validator.records} (default 500,000).
 */
public final class IngestBench {
  private IngestBench() {}

  /** Runs the benchmark; see the class comment for the system properties. */
  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    int records = Integer.getInteger("ingest.bench.records", 1_000_000);
    int validatorRecords = Integer.getInteger("ingest.bench.validator.records", 500_000);
    Path work = Files.createTempDirectory("ingest-bench");
    ProducerRace.Result race;
    ValidatorThroughput.Result validator;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"));
        SchemaRegistryServer registry = SchemaRegistryServer.start(0, kafka.bootstrapServers())) {
      int p = ProducerRace.PARTITIONS;
      kafka.createTopics(
          List.of(
              new NewTopic(ProducerRace.PUBLISHER_TOPIC.name(), p, (short) 1),
              new NewTopic(ProducerRace.PERF_TOOL_TOPIC, p, (short) 1)));
      kafka.createTopics(
          p,
          Topics.TRADES_RAW.name(),
          Topics.QUOTES_RAW.name(),
          Topics.TRADES.name(),
          Topics.QUOTES.name(),
          Topics.DEAD_LETTERS.name());
      kafka.createTopics(
          List.of(
              new NewTopic(Topics.INSTRUMENTS.name(), 1, (short) 1)
                  .configs(java.util.Map.of("cleanup.policy", "compact"))));
      race = new ProducerRace(kafka.bootstrapServers(), registry.url()).run(records);
      validator =
          ValidatorThroughput.run(
              kafka.bootstrapServers(), registry.url(), work.resolve("streams"), validatorRecords);
    }
    Instant now = Instant.now();
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
    Path out = home.resolve("bench/results/ingest-" + stamp + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json(now, race, validator));
    System.err.println("results written to " + out.toAbsolutePath());
    System.out.printf(
        Locale.ROOT,
        "ingest: producer_vs_perftool=%.3f validator_rps=%.0f%n",
        race.ratio(),
        validator.rps());
  }

  private static String json(Instant at, ProducerRace.Result r, ValidatorThroughput.Result v) {
    return String.format(
        Locale.ROOT,
        """
        {
          "benchmark": "ingest",
          "timestamp": "%s",
          "cores": %d,
          "java": "%s",
          "producer": {
            "records": %d,
            "record_bytes": %d,
            "tick_publisher_rps": %.1f,
            "producer_performance_rps": %.1f,
            "producer_vs_perftool": %.4f,
            "settings": "acks=all, idempotent, linger.ms=10, batch.size=262144, lz4; TickPublisher keys by instrument, ProducerPerformance sends unkeyed random payloads"
          },
          "validator": {
            "records": %d,
            "records_per_second": %.1f,
            "records_per_second_with_startup": %.1f,
            "settings": "exactly_once_v2, 1 stream thread, in-memory stores, 3 partitions per topic"
          }
        }
        """,
        at,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        r.records(),
        r.recordBytes(),
        r.publisherRps(),
        r.perfToolRps(),
        r.ratio(),
        v.records(),
        v.rps(),
        v.rpsWithStartup());
  }
}
