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
      long deadline = System.currentTimeMillis() + 60_000;
      while (h.broker.total.get() < 20) {
        send(signals);
        ServiceHarness.drain(out, events);
        assertThat(System.currentTimeMillis()).as("orders flowing").isLessThan(deadline);
      }

      long haltMillis = System.currentTimeMillis();
      ControlCommand halt = TestTrading.control("*", ControlAction.HALT, haltMillis * 1_000_000L);
      control.send(new ProducerRecord<>(Topics.CONTROL_COMMANDS.name(), "*", halt)).get();
      int sentAfterHalt = 0;
      while (System.currentTimeMillis() < haltMillis + 2_500) {
        send(signals);
        sentAfterHalt++;
        ServiceHarness.drain(out, events);
      }
      long lastSubmit = h.broker.lastSubmitMillis.get();
      int ordersAtHalt = h.broker.total.get();
      LOG.info(
          "halt at {}, last order sent {} ms after it; {} orders before, {} signals sent after",
          haltMillis,
          lastSubmit - haltMillis,
          ordersAtHalt,
          sentAfterHalt);
      assertThat(lastSubmit).isLessThanOrEqualTo(haltMillis + 1_000);
      while (halted(events) == 0) {
        ServiceHarness.drain(out, events);
        assertThat(System.currentTimeMillis()).as("denials after halt").isLessThan(deadline);
      }

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
      while (restarted.state() != KafkaStreams.State.RUNNING || halted(events) < deniedBefore + 5) {
        send(signals);
        ServiceHarness.drain(out, events);
        assertThat(System.currentTimeMillis())
            .as("denials after restart")
            .isLessThan(deadline + 60_000);
      }
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
