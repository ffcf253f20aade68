package io.tickstream.execution.service.topology;

import static io.tickstream.execution.service.TestTrading.BTC;
import static io.tickstream.execution.service.TestTrading.ETH;
import static io.tickstream.execution.service.TestTrading.account;
import static io.tickstream.execution.service.TestTrading.control;
import static io.tickstream.execution.service.TestTrading.quote;
import static io.tickstream.execution.service.TestTrading.signal;
import static io.tickstream.execution.service.TestTrading.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.service.TestTrading;
import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.ControlAction;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.OrderSideCode;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import io.tickstream.schemas.avro.TradingModeCode;
import io.tickstream.schemas.serde.RegistryClients;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionTopologyTest {
  private final String registry = "mock://execution-topology-" + UUID.randomUUID();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Signal> signals;
  private TestInputTopic<String, QuoteTick> quotes;
  private TestInputTopic<String, ControlCommand> controls;
  private TestOutputTopic<String, OrderEvent> orders;
  private TestOutputTopic<String, PositionState> positions;
  private TestOutputTopic<String, PortfolioSnapshot> snapshots;

  private void start(TradingSettings settings) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "execution-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            ExecutionTopology.topology(
                settings, TestTrading.paper(), registry, ExecutionMetrics.detached()),
            props);
    signals = input(Topics.SIGNALS.name(), ExecutionTopology.serde(Topics.SIGNALS, registry));
    quotes = input(Topics.QUOTES.name(), ExecutionTopology.serde(Topics.QUOTES, registry));
    controls =
        input(
            Topics.CONTROL_COMMANDS.name(),
            ExecutionTopology.serde(Topics.CONTROL_COMMANDS, registry));
    orders =
        driver.createOutputTopic(
            Topics.ORDER_EVENTS.name(),
            Serdes.String().deserializer(),
            ExecutionTopology.serde(Topics.ORDER_EVENTS, registry).deserializer());
    positions =
        driver.createOutputTopic(
            Topics.POSITIONS.name(),
            Serdes.String().deserializer(),
            ExecutionTopology.serde(Topics.POSITIONS, registry).deserializer());
    snapshots =
        driver.createOutputTopic(
            Topics.PORTFOLIO_SNAPSHOTS.name(),
            Serdes.String().deserializer(),
            ExecutionTopology.serde(Topics.PORTFOLIO_SNAPSHOTS, registry).deserializer());
  }

  private <V> TestInputTopic<String, V> input(
      String topic, org.apache.kafka.common.serialization.Serde<V> serde) {
    return driver.createInputTopic(topic, Serdes.String().serializer(), serde.serializer());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
    RegistryClients.dropMockScope(registry);
  }

  private List<OrderEvent> events() {
    return orders.readValuesToList();
  }

  private static List<OrderEventType> types(List<OrderEvent> events) {
    return events.stream().map(OrderEvent::getEventType).toList();
  }

  @Test
  void sameSignalIdTwiceGivesOneOrder() {
    start(TestTrading.settings(account("acc-1", "100", "trend")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    Signal s = signal(BTC, "trend", 2, SignalDirection.LONG);
    signals.pipeInput(BTC, s);
    signals.pipeInput(BTC, s);

    List<OrderEvent> out = events();
    assertThat(types(out)).containsExactly(OrderEventType.SUBMITTED, OrderEventType.ACCEPTED);
    assertThat(out.get(0).getSignalId()).isEqualTo(s.getSignalId());
    assertThat(out.get(0).getQuantity()).isEqualByComparingTo("0.2");
    assertThat(out.get(0).getClientOrderId()).hasSize(43);
  }

  @Test
  void aRestartedDuplicateAfterOtherSignalsIsStillDropped() {
    start(TestTrading.settings(account("acc-1", "100", "trend")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    Signal first = signal(BTC, "trend", 2, SignalDirection.LONG);
    signals.pipeInput(BTC, first);
    signals.pipeInput(BTC, signal(BTC, "trend", 3, SignalDirection.SHORT));
    signals.pipeInput(BTC, first); // redelivered after the engine moved on

    assertThat(types(events()))
        .containsExactly(
            OrderEventType.SUBMITTED,
            OrderEventType.ACCEPTED,
            OrderEventType.SUBMITTED,
            OrderEventType.ACCEPTED);
  }

  @Test
  void sizingAndRiskDenialsAreOrderDeniedEventsWithTheirReason() {
    start(TestTrading.settings(account("tight", "0.1", "trend")));
    signals.pipeInput(ETH, signal(ETH, "trend", 1, SignalDirection.LONG)); // no price yet
    quotes.pipeInput(BTC, quote(BTC, 2, "49999", "50001"));
    signals.pipeInput(BTC, signal(BTC, "trend", 3, SignalDirection.LONG)); // sized 0.2 > 0.1

    List<OrderEvent> out = events();
    assertThat(types(out)).containsExactly(OrderEventType.DENIED, OrderEventType.DENIED);
    assertThat(out.get(0).getDenialReason()).isEqualTo("MISSING_REFERENCE_PRICE");
    assertThat(out.get(1).getDenialReason()).isEqualTo("QUANTITY_ABOVE_MAX");
    assertThat(out.get(1).getReason()).isNotBlank();
    // Denied before sizing: no terms. Denied by a risk rule: the sized order's terms.
    assertThat(out.get(0).getSide()).isNull();
    assertThat(out.get(0).getQuantity()).isNull();
    assertThat(out.get(1).getSide()).isEqualTo(OrderSideCode.BUY);
    assertThat(out.get(1).getQuantity()).isEqualByComparingTo("0.2");
    assertThat(out.get(1).getOrderType()).isNotNull();
    assertThat(out.get(1).getStrategyId()).isEqualTo("trend");
  }

  @Test
  void fillsUpdatePositionsAndSnapshots() {
    start(TestTrading.settings(account("acc-1", "100", "trend")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    signals.pipeInput(BTC, signal(BTC, "trend", 2, SignalDirection.LONG));
    quotes.pipeInput(BTC, quote(BTC, 3, "50100", "50102"));

    assertThat(types(events())).endsWith(OrderEventType.FILLED);
    PositionState p = positions.readKeyValue().value;
    assertThat(p.getQuantity()).isEqualByComparingTo("0.2");
    assertThat(p.getAvgCost()).isEqualByComparingTo("50102");
    PortfolioSnapshot snapshot = snapshots.readValue();
    assertThat(snapshot.getOpenPositions()).isEqualTo(1);
    // 0.2 marked at the mid of the last quote, (50100 + 50102) / 2.
    assertThat(snapshot.getGrossExposure()).isEqualByComparingTo("10020.2");
  }

  @Test
  void afterAHaltNoOrderIsSubmittedUntilResume() {
    start(TestTrading.settings(account("acc-1", "100", "trend"), account("acc-2", "100", "*")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    controls.pipeInput("acc-1", control("acc-1", ControlAction.HALT, time(2)));
    signals.pipeInput(BTC, signal(BTC, "trend", 3, SignalDirection.LONG));

    List<OrderEvent> out = events();
    assertThat(out)
        .filteredOn(e -> e.getAccountId().equals("acc-1"))
        .extracting(OrderEvent::getDenialReason)
        .containsExactly("TRADING_HALTED");
    assertThat(out)
        .filteredOn(e -> e.getAccountId().equals("acc-2"))
        .extracting(OrderEvent::getEventType)
        .containsExactly(OrderEventType.SUBMITTED, OrderEventType.ACCEPTED);
    assertThat(snapshots.readValuesToList())
        .filteredOn(s -> s.getAccountId().equals("acc-1"))
        .extracting(PortfolioSnapshot::getMode)
        .containsExactly(TradingModeCode.HALTED);

    controls.pipeInput("*", control("*", ControlAction.RESUME, time(4)));
    signals.pipeInput(BTC, signal(BTC, "trend", 5, SignalDirection.LONG));
    assertThat(events())
        .filteredOn(e -> e.getAccountId().equals("acc-1"))
        .extracting(OrderEvent::getEventType)
        .containsExactly(OrderEventType.SUBMITTED, OrderEventType.ACCEPTED);
  }

  @Test
  void aHaltForAllAccountsStopsEveryAccount() {
    start(TestTrading.settings(account("acc-1", "100", "trend"), account("acc-2", "100", "*")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    controls.pipeInput("*", control("*", ControlAction.HALT, time(2)));
    signals.pipeInput(BTC, signal(BTC, "trend", 3, SignalDirection.LONG));

    assertThat(events())
        .extracting(OrderEvent::getEventType)
        .containsOnly(OrderEventType.DENIED)
        .hasSize(2);
  }

  @Test
  void signalsGoOnlyToAccountsFollowingTheirStrategy() {
    start(
        TestTrading.settings(
            account("alpha", "100", "trend"),
            account("beta", "100", "meanrev"),
            account("gamma", "100", "*")));
    quotes.pipeInput(BTC, quote(BTC, 1, "49999", "50001"));
    signals.pipeInput(BTC, signal(BTC, "trend", 2, SignalDirection.LONG));
    signals.pipeInput(BTC, signal(BTC, "meanrev", 3, SignalDirection.SHORT));

    List<OrderEvent> submitted =
        events().stream().filter(e -> e.getEventType() == OrderEventType.SUBMITTED).toList();
    assertThat(submitted)
        .extracting(e -> e.getAccountId() + ":" + e.getStrategyId())
        .containsExactlyInAnyOrder("alpha:trend", "beta:meanrev", "gamma:trend", "gamma:meanrev");
    assertThat(submitted).extracting(OrderEvent::getClientOrderId).doesNotHaveDuplicates();
  }
}
