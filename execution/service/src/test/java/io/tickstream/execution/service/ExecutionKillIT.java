package io.tickstream.execution.service;

import static io.tickstream.execution.service.TestTrading.BTC;
import static io.tickstream.execution.service.TestTrading.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.config.ServiceConfigReader;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.execution.service.venue.alpaca.AlpacaClient;
import io.tickstream.execution.service.venue.alpaca.AlpacaVenue;
import io.tickstream.execution.service.venue.alpaca.FakeAlpacaServer;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's real {@code main} in a child JVM, killed with SIGKILL three times while signals
 * flow and restarted each time: the order events (read_committed) equal a failure-free run, and the
 * broker received no client order id twice.
 *
 * <p>The broker is an Alpaca-compatible fake HTTP server in this JVM ({@link FakeAlpacaServer}),
 * which records the client order id of every POST: a duplicate would be visible there even if the
 * service's own bookkeeping were wrong, which the paper broker (inside the killed JVM, its state
 * lost with it) could not show. Each kill comes at the worst moment: the fake books the order, then
 * kills the child before answering, so the order exists at the broker while the Streams transaction
 * that processed its signal never commits. The restarted service re-processes that signal, finds
 * its id in the submission ledger and reconciles ({@code GET} by client order id) instead of
 * POSTing again.
 *
 * <p>The failure-free reference is the same topology, configuration and venue code over
 * TopologyTestDriver against a second, well-behaved fake.
 */
class ExecutionKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionKillIT.class);
  private static final int SIGNALS = 120;
  private static final Set<Integer> KILL_AT_POST = Set.of(12, 40, 70);
  private static final Map<String, String> FILL_PRICES =
      Map.of("BTCUSD", "50001", "ETHUSD", "3001");
  private static final Map<String, String> ENV = Map.of("IT_KEY", "key", "IT_SECRET", "secret");

  @TempDir Path dir;

  @Test
  void killsChangeNoOrderEventAndSendNoOrderTwice() throws Exception {
    List<QuoteTick> quotes =
        List.of(
            TestTrading.quote(BTC, 0, "49999", "50001"), TestTrading.quote(ETH, 0, "2999", "3001"));
    List<Signal> signals = ExecutionCrashIT.signals().subList(0, SIGNALS);
    AtomicReference<ChildService> child = new AtomicReference<>();
    FakeAlpacaServer.Behaviour killAtWorstMoment =
        (clientOrderId, post) -> {
          if (!KILL_AT_POST.contains(post)) {
            return FakeAlpacaServer.Action.ANSWER;
          }
          LOG.info("order POST {} booked: killing the service before it hears back", post);
          child.get().kill();
          return FakeAlpacaServer.Action.DROP;
        };

    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        SchemaRegistryServer registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
        FakeAlpacaServer broker =
            new FakeAlpacaServer(
                killAtWorstMoment, FakeAlpacaServer.Fill.AT_ONCE, FILL_PRICES, 0)) {
      Path configFile = writeConfig(kafka.bootstrapServers(), registry.url(), broker);
      ServiceConfig config = new ServiceConfigReader(ENV::get).read(configFile);
      List<OrderEvent> reference = reference(config, quotes, signals);
      List<String> expected = reference.stream().map(ReferenceRun::comparable).toList();
      long orders = expected.stream().filter(e -> e.contains("SUBMITTED")).count();
      assertThat(orders).as("orders of the run").isGreaterThan(70);

      ServiceTopics.ensure(kafka.bootstrapServers(), ServiceTopics.of(config), 2);
      try (ChildService service = new ChildService(configFile, dir, ENV);
          TopicClients clients = new TopicClients(kafka.bootstrapServers(), registry.url());
          Admin admin = kafka.admin()) {
        child.set(service);
        KafkaProducer<String, QuoteTick> quoteProducer = clients.producer(Topics.QUOTES);
        for (QuoteTick q : quotes) {
          quoteProducer.send(new ProducerRecord<>(Topics.QUOTES.name(), q.getInstrumentId(), q));
        }
        quoteProducer.flush();
        service.start();
        // Prices first, as in the reference run: the quotes are processed and committed.
        try {
          await("quotes committed")
              .atMost(Duration.ofSeconds(90))
              .until(() -> quotesCommitted(admin, config.applicationId()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("quotes not processed\n" + service.logTail(), e);
        }

        Thread feed = signalFeed(clients.producer(Topics.SIGNALS), signals);
        feed.start();
        KafkaConsumer<String, OrderEvent> out = clients.consumer(Topics.ORDER_EVENTS);
        List<OrderEvent> events = new ArrayList<>();
        try {
          await("order events of every signal")
              .atMost(Duration.ofSeconds(150))
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () -> {
                    ServiceHarness.drain(out, events);
                    if (!service.alive() && events.size() < expected.size()) {
                      LOG.info("service killed after {} order events; restarting", events.size());
                      service.start();
                    }
                    return events.size() >= expected.size();
                  });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(
              "got " + events.size() + " of " + expected.size() + "\n" + service.logTail(), e);
        }
        feed.join();

        List<String> actual = events.stream().map(ReferenceRun::comparable).toList();
        LOG.info(
            "kill run: incarnations={} order events={} (reference {}), POSTs={}, booked={},"
                + " ids posted twice={}",
            service.incarnations(),
            actual.size(),
            expected.size(),
            broker.posts(),
            broker.orders(),
            broker.idsPostedTwice());
        assertThat(service.incarnations()).isEqualTo(1 + KILL_AT_POST.size());
        assertThat(broker.idsPostedTwice()).isZero();
        assertThat(broker.posts()).isEqualTo(broker.orders()).isEqualTo((int) orders);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(perOrder(events)).isEqualTo(perOrder(reference));
      }
    }
  }

  /** The failure-free run's order events. */
  private static List<OrderEvent> reference(
      ServiceConfig config, List<QuoteTick> quotes, List<Signal> signals) throws Exception {
    VenueSettings.Alpaca alpaca = (VenueSettings.Alpaca) config.venue();
    try (FakeAlpacaServer calm =
        FakeAlpacaServer.honest(FakeAlpacaServer.Fill.AT_ONCE, FILL_PRICES)) {
      VenueSettings.Alpaca toCalm =
          new VenueSettings.Alpaca(
              calm.baseUrl(),
              alpaca.keyId(),
              alpaca.secretKey(),
              alpaca.requestTimeout(),
              alpaca.reconcileDeadline(),
              alpaca.failureRateThreshold(),
              alpaca.openStateWait(),
              alpaca.fillPollInterval());
      AlpacaClient client = new AlpacaClient(toCalm);
      SubmissionLedger ledger = SubmissionLedger.inMemory();
      VenueFactory venues =
          (account, instruments) -> new AlpacaVenue(client, toCalm, VenueStats.detached(), ledger);
      try (ReferenceRun run = new ReferenceRun(config.trading(), venues)) {
        quotes.forEach(q -> run.pipe(Topics.QUOTES, q.getInstrumentId(), q));
        signals.forEach(s -> run.pipe(Topics.SIGNALS, s.getInstrumentId(), s));
        return run.orderEvents();
      }
    }
  }

  /** Events grouped by client order id, each group in order: the per-order history. */
  private static Map<String, List<OrderEventType>> perOrder(List<OrderEvent> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                e -> e.getClientOrderId(),
                java.util.TreeMap::new,
                Collectors.mapping(OrderEvent::getEventType, Collectors.toList())));
  }

  /** Sends the signals on its own thread, a few milliseconds apart: a flowing stream. */
  private static Thread signalFeed(KafkaProducer<String, Signal> producer, List<Signal> signals) {
    return new Thread(
        () -> {
          for (Signal s : signals) {
            producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), s.getInstrumentId(), s));
            LockSupport.parkNanos(Duration.ofMillis(40).toNanos()); // pacing, not synchronisation
          }
          producer.flush();
        },
        "signal-feed");
  }

  /** True once the group's committed offsets reach the end of every partition of md.quotes. */
  private static boolean quotesCommitted(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
    for (int p = 0; p < 2; p++) {
      partitions.put(new TopicPartition(Topics.QUOTES.name(), p), OffsetSpec.latest());
    }
    var ends = admin.listOffsets(partitions).all().get();
    return partitions.keySet().stream()
        .allMatch(
            tp ->
                ends.get(tp).offset() == 0
                    || (committed.get(tp) != null
                        && committed.get(tp).offset() >= ends.get(tp).offset()));
  }

  private Path writeConfig(String bootstrap, String registryUrl, FakeAlpacaServer broker)
      throws Exception {
    String limits =
        """
        {"maxOrderQuantity": "100", "maxOrderNotional": "100000000", "creditLimit": "100000000",
         "priceCollarBps": "100", "maxOrdersPerWindow": 1000000, "rateWindowMs": 1000,
         "maxPositionQuantity": "1000000", "maxDrawdown": "0.5"}""";
    String json =
        """
        {
          "bootstrapServers": "%s",
          "schemaRegistryUrl": "%s",
          "applicationId": "execution-kill-it",
          "stateDir": "%s",
          "commitIntervalMs": 100,
          "streamThreads": 1,
          "accountPartitions": 2,
          "marketData": "quotes",
          "httpPort": 0,
          "venue": {"type": "alpaca", "baseUrl": "%s", "keyIdEnv": "IT_KEY",
                    "secretKeyEnv": "IT_SECRET", "requestTimeoutMs": 5000,
                    "reconcileDeadlineMs": 30000, "fillPollIntervalMs": 50},
          "instruments": [
            {"instrumentId": "%s", "tickSize": "0.01", "lotSize": "0.001"},
            {"instrumentId": "%s", "tickSize": "0.01", "lotSize": "0.001"}
          ],
          "accounts": [
            {"accountId": "acc-1", "startingCash": "1000000", "strategies": ["trend"],
             "sizing": {"type": "fixedNotional", "notional": "10000"}, "limits": %s},
            {"accountId": "acc-2", "startingCash": "1000000", "strategies": ["*"],
             "sizing": {"type": "fixedNotional", "notional": "10000"}, "limits": %s}
          ]
        }
        """
            .formatted(
                bootstrap,
                registryUrl,
                dir.resolve("state"),
                broker.baseUrl(),
                BTC,
                ETH,
                limits,
                limits);
    Path file = dir.resolve("execution-service.json");
    Files.writeString(file, json);
    return file;
  }
}
