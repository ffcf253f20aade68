package io.tickstream.execution.service;

import static io.tickstream.execution.service.TestTrading.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.ControlAction;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch on a real broker: while signals keep flowing, no order leaves later than 1 s
 * after a halt command was sent, and after a restart the account is still halted.
 */
class KillSwitchIT {
  private static final Logger LOG = LoggerFactory.getLogger(KillSwitchIT.class);

  @TempDir Path dir;
  private int bar;

  @Test
  void aHaltStopsOrdersWithinOneSecondAndSurvivesARestart() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir, 2);
        KafkaProducer<String, QuoteTick> quotes = h.producer(Topics.QUOTES);
        KafkaProducer<String, Signal> signals = h.producer(Topics.SIGNALS);
        KafkaProducer<String, ControlCommand> control = h.producer(Topics.CONTROL_COMMANDS);
        KafkaConsumer<String, OrderEvent> out = h.consumer(Topics.ORDER_EVENTS)) {
      ServiceConfig config = h.config(List.of(TestTrading.account("acc-1", "100", "*")), 50);
      quotes.send(new ProducerRecord<>(Topics.QUOTES.name(), BTC, quote())).get();
      ExecutionService service = h.service(config, h.recordingPaper());
      service.start();
      List<OrderEvent> events = new ArrayList<>();
      ExecutionCrashIT.waitFor("orders flowing", Duration.ofSeconds(60))
          .until(
              () -> {
                send(signals);
                ServiceHarness.drain(out, events);
                return h.broker.total.get() >= 20;
              });

      long haltMillis = System.currentTimeMillis();
      ControlCommand halt = TestTrading.control("*", ControlAction.HALT, haltMillis * 1_000_000L);
      control.send(new ProducerRecord<>(Topics.CONTROL_COMMANDS.name(), "*", halt)).get();
      AtomicInteger sentAfterHalt = new AtomicInteger();
      // Signals keep coming for 2.5 s after the halt; no order may leave later than 1 s after it.
      ExecutionCrashIT.waitFor("no order later than 1 s after the halt", Duration.ofSeconds(10))
          .during(Duration.ofMillis(2_500))
          .until(
              () -> {
                send(signals);
                sentAfterHalt.incrementAndGet();
                ServiceHarness.drain(out, events);
                return h.broker.lastSubmitMillis.get() <= haltMillis + 1_000;
              });
      long lastSubmit = h.broker.lastSubmitMillis.get();
      int ordersAtHalt = h.broker.total.get();
      LOG.info(
          "halt at {}, last order sent {} ms after it; {} orders before, {} signals sent after",
          haltMillis,
          lastSubmit - haltMillis,
          ordersAtHalt,
          sentAfterHalt.get());
      assertThat(lastSubmit).isLessThanOrEqualTo(haltMillis + 1_000);
      ExecutionCrashIT.waitFor("denials after halt", Duration.ofSeconds(30))
          .until(
              () -> {
                ServiceHarness.drain(out, events);
                return halted(events) > 0;
              });

      service.close();
      // It left the group: no member waits out the 6 s session timeout before the restart.
      try (Admin admin = h.kafka.admin()) {
        await("group empty after close")
            .atMost(Duration.ofSeconds(3))
            .until(
                () ->
                    admin
                        .describeConsumerGroups(List.of(config.applicationId()))
                        .all()
                        .get()
                        .get(config.applicationId())
                        .members()
                        .isEmpty());
      }
      ExecutionService restarted = h.service(config, h.recordingPaper());
      restarted.start();
      long deniedBefore = halted(events);
      ExecutionCrashIT.waitFor("denials after restart", Duration.ofSeconds(60))
          .until(
              () -> {
                send(signals);
                ServiceHarness.drain(out, events);
                return restarted.state() == KafkaStreams.State.RUNNING
                    && halted(events) >= deniedBefore + 5;
              });
      restarted.close();
      assertThat(h.broker.total.get()).isEqualTo(ordersAtHalt);
      assertThat(h.broker.duplicates()).isZero();
    }
  }

  private static long halted(List<OrderEvent> events) {
    return events.stream()
        .filter(e -> e.getEventType() == OrderEventType.DENIED)
        .filter(e -> "TRADING_HALTED".equals(e.getDenialReason()))
        .count();
  }

  private void send(KafkaProducer<String, Signal> signals) {
    bar++;
    SignalDirection d = bar % 2 == 0 ? SignalDirection.LONG : SignalDirection.SHORT;
    signals.send(
        new ProducerRecord<>(Topics.SIGNALS.name(), BTC, TestTrading.signal(BTC, "trend", bar, d)));
    signals.flush();
  }

  private static QuoteTick quote() {
    return TestTrading.quote(BTC, 0, "49999", "50001");
  }
}
