package io.tickstream.execution.service.venue.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.engine.EngineEvent;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.engine.TradingEngine;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.execution.service.TestTrading;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancels at an Alpaca-compatible broker (a local fake): a halt cancels resting orders there, only
 * what the broker reports is recorded (canceled, or the fills that beat the cancel), a lost answer
 * is reconciled by reading the order back, a broker id unknown after a restart is looked up by
 * client order id, and an order is never assumed canceled while the broker cannot confirm it.
 */
class AlpacaCancelIT {
  private static final String SYM = "SYM.SIM";
  private static final long T = TestTrading.time(1);

  private final AtomicReference<FakeAlpacaServer.Action> onCancel =
      new AtomicReference<>(FakeAlpacaServer.Action.ANSWER);
  private final AtomicBoolean lookupsFail = new AtomicBoolean();
  private FakeAlpacaServer broker;
  private VenueSettings.Alpaca settings;
  private AlpacaVenue venue;
  private TradingEngine engine;

  @BeforeEach
  void start() throws Exception {
    FakeAlpacaServer.Behaviour behaviour =
        new FakeAlpacaServer.Behaviour() {
          @Override
          public FakeAlpacaServer.Action onPost(String clientOrderId, int post) {
            return FakeAlpacaServer.Action.ANSWER;
          }

          @Override
          public boolean failLookup() {
            return lookupsFail.get();
          }

          @Override
          public FakeAlpacaServer.Action onCancel(String orderId) {
            return onCancel.get();
          }
        };
    broker = new FakeAlpacaServer(behaviour, FakeAlpacaServer.Fill.REST, Map.of(), 0);
    settings =
        new VenueSettings.Alpaca(
            broker.baseUrl(),
            "key",
            "secret",
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            100,
            Duration.ofMillis(100),
            Duration.ofMillis(10));
    venue = venue();
    engine =
        new TradingEngine(
            new AccountConfig(
                "live-1", "USD", new BigDecimal("1000000"), TestTrading.limits("1000")),
            Instruments.of(new Instrument(SYM, new BigDecimal("0.01"), BigDecimal.ONE)),
            new FixedNotionalSizer(new BigDecimal("1000")),
            venue,
            EngineOptions.DEFAULT);
    engine.onMarketUpdate(MarketUpdate.ofTrade(SYM, T - 1, new BigDecimal("100"), BigDecimal.TEN));
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private AlpacaVenue venue() {
    return new AlpacaVenue(
        new AlpacaClient(settings), settings, VenueStats.detached(), SubmissionLedger.inMemory());
  }

  /** A long order for 1,000 of notional at 100: 10 units, resting at the broker. */
  private SubmitOrder restingOrder() {
    Signal s = new Signal(SYM, "trend", Direction.LONG, 0.9, "it", "1m", T - 60_000_000_000L, T);
    List<EngineEvent> events = engine.onSignal(s, 0, T);
    SubmitOrder order =
        events.stream()
            .map(e -> ((EngineEvent.OrderUpdate) e).event())
            .filter(e -> e instanceof OrderSubmitted)
            .map(e -> ((OrderSubmitted) e).order())
            .findFirst()
            .orElseThrow();
    assertThat(order.quantity()).isEqualByComparingTo("10");
    assertThat(broker.status(order.clientOrderId())).isEqualTo("new");
    assertThat(venue.workingOrders()).hasSize(1);
    return order;
  }

  private static List<OrderEvent> orderEvents(List<EngineEvent> events) {
    List<OrderEvent> out = new ArrayList<>();
    for (EngineEvent e : events) {
      if (e instanceof EngineEvent.OrderUpdate u) {
        out.add(u.event());
      }
    }
    return out;
  }

  @Test
  void haltCancelsTheRestingOrderAtTheBroker() {
    SubmitOrder order = restingOrder();

    List<OrderEvent> events = orderEvents(engine.onControl(TradingMode.HALTED, "test", T + 1));

    assertThat(events).singleElement().isInstanceOf(OrderCanceled.class);
    assertThat(events.get(0).clientOrderId()).isEqualTo(order.clientOrderId());
    assertThat(broker.status(order.clientOrderId())).isEqualTo("canceled");
    assertThat(venue.workingOrders()).isEmpty();
  }

  @Test
  void fillsThatBeatTheCancelAreBookedAndNothingIsCanceled() {
    SubmitOrder order = restingOrder();
    broker.fill(order.clientOrderId(), "101");

    List<OrderEvent> events = orderEvents(engine.onControl(TradingMode.HALTED, "test", T + 1));

    assertThat(events).singleElement().isInstanceOf(OrderFilled.class);
    OrderFilled fill = (OrderFilled) events.get(0);
    assertThat(fill.lastQty()).isEqualByComparingTo("10");
    assertThat(fill.lastPx()).isEqualByComparingTo("101");
    assertThat(engine.portfolio().position(SYM).quantity()).isEqualByComparingTo("10");
    assertThat(broker.status(order.clientOrderId())).isEqualTo("filled");
    assertThat(venue.workingOrders()).isEmpty();
  }

  @Test
  void aCancelWhoseAnswerIsLostIsConfirmedByReadingTheOrderBack() {
    SubmitOrder order = restingOrder();
    onCancel.set(FakeAlpacaServer.Action.SERVER_ERROR); // canceled, then a 503

    List<OrderEvent> events = orderEvents(engine.onControl(TradingMode.HALTED, "test", T + 1));

    assertThat(events).singleElement().isInstanceOf(OrderCanceled.class);
    assertThat(broker.status(order.clientOrderId())).isEqualTo("canceled");
  }

  @Test
  void anOrderWhoseBrokerIdIsUnknownIsCanceledByClientOrderId() {
    SubmitOrder order = restingOrder();
    // A restart while the broker does not answer lookups: the restored order has no broker id.
    AlpacaVenue restored = venue();
    lookupsFail.set(true);
    restored.restoreWorking(new OpenOrder(order, BigDecimal.ZERO, null, 0, false, T));
    lookupsFail.set(false);

    List<OrderEvent> events = restored.cancel(new CancelOrder(order.clientOrderId(), T + 1), T + 1);

    assertThat(events).singleElement().isInstanceOf(OrderCanceled.class);
    assertThat(broker.status(order.clientOrderId())).isEqualTo("canceled");
    assertThat(restored.workingOrders()).isEmpty();
  }

  @Test
  void anUnconfirmedCancelLeavesTheOrderWorkingUntilThePollSeesIt() {
    SubmitOrder order = restingOrder();
    onCancel.set(FakeAlpacaServer.Action.DROP); // canceled, no answer
    lookupsFail.set(true);

    List<OrderEvent> events = venue.cancel(new CancelOrder(order.clientOrderId(), T + 1), T + 1);

    assertThat(events).isEmpty();
    assertThat(venue.workingOrders()).hasSize(1);
    assertThat(broker.status(order.clientOrderId())).isEqualTo("canceled");
    lookupsFail.set(false);
    List<OrderEvent> polled = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              polled.addAll(venue.advanceTo(T + 2));
              return !polled.isEmpty();
            });
    assertThat(polled).singleElement().isInstanceOf(OrderCanceled.class);
    assertThat(venue.workingOrders()).isEmpty();
  }

  @Test
  void aDeleteAnswered404ForAnOrderTheBrokerStillHasIsNotRepeatedBackToBack() {
    SubmitOrder order = restingOrder();
    onCancel.set(FakeAlpacaServer.Action.REFUSE); // 404 to the DELETE, the order stays "new"

    List<OrderEvent> events = venue.cancel(new CancelOrder(order.clientOrderId(), T + 1), T + 1);

    assertThat(events).isEmpty();
    assertThat(broker.cancels()).isEqualTo(1);
    assertThat(broker.status(order.clientOrderId())).isEqualTo("new");
    assertThat(venue.workingOrders()).hasSize(1);
    // The order is still polled: a later cancel at the broker is recorded.
    onCancel.set(FakeAlpacaServer.Action.ANSWER);
    assertThat(venue.cancel(new CancelOrder(order.clientOrderId(), T + 2), T + 2))
        .singleElement()
        .isInstanceOf(OrderCanceled.class);
    assertThat(venue.workingOrders()).isEmpty();
  }
}
