package io.tickstream.execution.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.MarketDataSource;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.PaperVenue;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/** A real broker, the service's topics and clients for the service's integration tests. */
final class ServiceHarness implements AutoCloseable {
  final EmbeddedKafka kafka;
  final String registry = "mock://execution-it-" + java.util.UUID.randomUUID();
  final Path dir;
  final RecordingVenue.Record broker = new RecordingVenue.Record();
  final SubmissionLedger ledger = SubmissionLedger.inMemory();
  final VenueStats stats = VenueStats.detached();
  private final TopicClients clients;

  ServiceHarness(Path dir, int partitions) throws InterruptedException {
    this.dir = dir;
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    ServiceTopics.ensure(
        kafka.bootstrapServers(),
        ServiceTopics.of(config(List.of(TestTrading.account("x", "1", "*")), 10)),
        partitions);
    clients = new TopicClients(kafka.bootstrapServers(), registry);
  }

  ServiceConfig config(List<AccountSettings> accounts, int commitIntervalMs) {
    return new ServiceConfig(
        kafka.bootstrapServers(),
        registry,
        "execution-it",
        dir.resolve("state"),
        commitIntervalMs,
        1,
        2,
        MarketDataSource.QUOTES,
        0,
        new VenueSettings.Paper(TestTrading.FILLS),
        TestTrading.INSTRUMENTS,
        accounts);
  }

  /** Paper venues whose broker side records into {@link #broker}, guarded by {@link #ledger}. */
  VenueFactory recordingPaper() {
    return (account, instruments) ->
        new PaperVenue(
            new RecordingVenue(new PaperBroker(TestTrading.FILLS, instruments), broker),
            ledger,
            stats);
  }

  ExecutionService service(ServiceConfig config, VenueFactory venues) {
    return new ExecutionService(config, venues, new SimpleMeterRegistry());
  }

  <V extends SpecificRecord> KafkaProducer<String, V> producer(Topic<String, V> topic) {
    return clients.producer(topic);
  }

  <V extends SpecificRecord> KafkaConsumer<String, V> consumer(Topic<String, V> topic) {
    return clients.consumer(topic);
  }

  /** Polls {@code consumer} once into {@code into}; returns how many arrived. */
  static <V> int drain(KafkaConsumer<String, V> consumer, List<V> into) {
    List<V> got = new ArrayList<>();
    for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
      got.add(r.value());
    }
    into.addAll(got);
    return got.size();
  }

  @Override
  public void close() throws Exception {
    clients.close();
    kafka.close();
  }
}
