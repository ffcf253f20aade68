package io.tickstream.execution.service;

import static io.tickstream.execution.service.TestTrading.BTC;
import static io.tickstream.execution.service.TestTrading.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.ForwardingVenue;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three hard crashes while signals flow, each at the worst moment (right after the broker took an
 * order, before the Streams transaction that records it commits): the order events equal those of a
 * failure-free run, and the broker is sent no client order id twice.
 */
class ExecutionCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionCrashIT.class);
  private static final int SIGNALS = 240;
  private static final Set<Integer> CRASH_AFTER_SUBMIT = Set.of(30, 100, 180);

  @TempDir Path dir;

  @Test
  void crashesChangeNoOrderEventAndSendNoOrderTwice() throws Exception {
    List<AccountSettings> accounts =
        List.of(
            TestTrading.account("acc-1", "100", "trend"), TestTrading.account("acc-2", "100", "*"));
    List<String> expected = new ArrayList<>();
    int expectedAfterSignals;
    try (ReferenceRun reference =
        new ReferenceRun(TestTrading.settings(accounts.toArray(AccountSettings[]::new)))) {
      quotes(0).forEach(q -> reference.pipe(Topics.QUOTES, q.getInstrumentId(), q));
      signals().forEach(s -> reference.pipe(Topics.SIGNALS, s.getInstrumentId(), s));
      reference.orderEvents().forEach(e -> expected.add(ReferenceRun.comparable(e)));
      expectedAfterSignals = expected.size();
      quotes(SIGNALS + 10).forEach(q -> reference.pipe(Topics.QUOTES, q.getInstrumentId(), q));
      reference.orderEvents().forEach(e -> expected.add(ReferenceRun.comparable(e)));
    }

    try (ServiceHarness h = new ServiceHarness(dir, 1);
        KafkaProducer<String, QuoteTick> quotes = h.producer(Topics.QUOTES);
        KafkaProducer<String, Signal> signals = h.producer(Topics.SIGNALS);
        KafkaConsumer<String, io.tickstream.schemas.avro.OrderEvent> out =
            h.consumer(Topics.ORDER_EVENTS)) {
      ServiceConfig config = h.config(accounts, 50);
      AtomicInteger submits = new AtomicInteger();
      VenueFactory paper = h.recordingPaper();
      VenueFactory crashing = (a, i) -> new CrashingVenue(paper.create(a, i), submits);
      List<io.tickstream.schemas.avro.OrderEvent> events = new ArrayList<>();

      for (QuoteTick q : quotes(0)) {
        quotes.send(new ProducerRecord<>(Topics.QUOTES.name(), q.getInstrumentId(), q)).get();
      }
      AtomicReference<ExecutionService> service = new AtomicReference<>(start(h, config, crashing));
      // Prices first, as in the reference run: wait until both accounts' engines hold them.
      waitFor("service running", Duration.ofSeconds(60))
          .until(
              () -> {
                ServiceHarness.drain(out, events);
                return service.get().streams().state() == KafkaStreams.State.RUNNING;
              });
      for (Signal s : signals()) {
        signals.send(new ProducerRecord<>(Topics.SIGNALS.name(), s.getInstrumentId(), s));
      }
      signals.flush();

      AtomicInteger restarts = new AtomicInteger();
      waitFor("signal phase", Duration.ofSeconds(120))
          .until(
              () -> {
                ServiceHarness.drain(out, events);
                if (service.get().state() == KafkaStreams.State.ERROR) {
                  service.get().close();
                  service.set(start(h, config, crashing));
                  LOG.info(
                      "restart {} after {} broker submissions",
                      restarts.incrementAndGet(),
                      submits.get());
                }
                return events.size() >= expectedAfterSignals;
              });
      for (QuoteTick q : quotes(SIGNALS + 10)) {
        quotes.send(new ProducerRecord<>(Topics.QUOTES.name(), q.getInstrumentId(), q)).get();
      }
      waitFor("fill phase", Duration.ofSeconds(30))
          .until(
              () -> {
                ServiceHarness.drain(out, events);
                return events.size() >= expected.size();
              });
      service.get().close();

      List<String> actual = events.stream().map(ReferenceRun::comparable).toList();
      LOG.info(
          "crash run: restarts={} order events={} (reference {}), broker submissions={},"
              + " distinct ids={}, duplicate ids={}, reconciled after crash={}",
          restarts.get(),
          actual.size(),
          expected.size(),
          h.broker.total.get(),
          h.broker.submits.size(),
          h.broker.duplicates(),
          h.stats.reconciledCount());
      assertThat(restarts.get()).isEqualTo(3);
      assertThat(h.broker.duplicates()).isZero();
      assertThat(h.broker.total.get()).isEqualTo(h.broker.submits.size());
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(perOrder(actual)).isEqualTo(perOrder(expected));
    }
  }

  /**
   * Polls {@code condition} on the test thread (the Kafka consumer is single-threaded), with no
   * pause between polls beyond the consumer's own poll timeout.
   */
  static ConditionFactory waitFor(String what, Duration atMost) {
    return await(what)
        .atMost(atMost)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1));
  }

  /** Events grouped by client order id, each group in order: the per-order history. */
  private static java.util.Map<String, List<String>> perOrder(List<String> events) {
    java.util.Map<String, List<String>> by = new java.util.TreeMap<>();
    for (String e : events) {
      String id = e.substring(e.indexOf("\"clientOrderId\": \"") + 18);
      by.computeIfAbsent(id.substring(0, 43), k -> new ArrayList<>()).add(e);
    }
    return by;
  }

  private static ExecutionService start(ServiceHarness h, ServiceConfig config, VenueFactory v) {
    ExecutionService s =
        new ExecutionService(
            config,
            v,
            new SimpleMeterRegistry(),
            e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    s.start();
    return s;
  }

  static List<QuoteTick> quotes(int step) {
    return List.of(
        TestTrading.quote(BTC, step, "49999", "50001"),
        TestTrading.quote(ETH, step, "2999", "3001"));
  }

  static List<Signal> signals() {
    List<Signal> out = new ArrayList<>();
    for (int i = 1; i <= SIGNALS; i++) {
      String instrument = i % 2 == 0 ? BTC : ETH;
      String strategy = (i / 2) % 2 == 0 ? "trend" : "meanrev";
      SignalDirection d = (i / 4) % 2 == 0 ? SignalDirection.LONG : SignalDirection.SHORT;
      out.add(TestTrading.signal(instrument, strategy, i, d));
    }
    return out;
  }

  /** Fails the stream thread right after the broker took the listed submissions. */
  private static final class CrashingVenue extends ForwardingVenue {
    private final AtomicInteger submits;

    CrashingVenue(ExecutionVenue venue, AtomicInteger submits) {
      super(venue);
      this.submits = submits;
    }

    @Override
    public List<OrderEvent> submit(SubmitOrder command, long now) {
      List<OrderEvent> events = delegate().submit(command, now);
      if (CRASH_AFTER_SUBMIT.contains(submits.incrementAndGet())) {
        throw new IllegalStateException("simulated crash after submission " + submits.get());
      }
      return events;
    }
  }
}
