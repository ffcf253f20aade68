package io.tickstream.execution.fill;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.TestOrders;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderExpired;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderStatus;
import io.tickstream.execution.orders.OrderTriggered;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {

  private static final long SECOND = 1_000_000_000L;

  /** 2023-11-14T12:00:00Z; the session ends at 21:00 UTC. */
  private static final long T0 = nanos("2023-11-14T12:00:00Z");

  private static long nanos(String instant) {
    return Instant.parse(instant).getEpochSecond() * SECOND;
  }

  // 10 bps slippage, 10 % participation, 1 bp commission with a 1.00 minimum per fill.
  private final FillModel model =
      new FillModel(d(10), d("0.1"), new CommissionSchedule(d(1), d(0), d(1)), LocalTime.of(21, 0));
  private final PaperBroker broker = new PaperBroker(model, Instruments.of(AAPL_INSTRUMENT));
  private final TestOrders orders = new TestOrders();

  private static MarketUpdate quote(long ts, String bid, String ask, String volume) {
    return new MarketUpdate(AAPL, ts, d(bid), d(ask), d(bid).add(d(ask)).divide(d(2)), d(volume));
  }

  private static MarketUpdate trade(long ts, String price, String size) {
    return MarketUpdate.ofTrade(AAPL, ts, d(price), d(size));
  }

  private SubmitOrder accepted(SubmitOrder order) {
    assertThat(broker.submit(order, T0)).singleElement().isInstanceOf(OrderAccepted.class);
    return order;
  }

  private static List<OrderFilled> fills(List<OrderEvent> events) {
    return events.stream()
        .filter(OrderFilled.class::isInstance)
        .map(OrderFilled.class::cast)
        .toList();
  }

  @Test
  void marketBuyFillsAtTheNextAskPlusSlippageNeverAtEarlierData() {
    SubmitOrder buy = accepted(orders.market(AAPL, OrderSide.BUY, d(100), T0));
    // Data stamped before or at the order's time is not "next": no look-ahead, no fill.
    assertThat(broker.onMarketUpdate(quote(T0 - SECOND, "90.00", "90.10", "5000"))).isEmpty();
    assertThat(broker.onMarketUpdate(quote(T0, "90.00", "90.10", "5000"))).isEmpty();

    List<OrderEvent> events = broker.onMarketUpdate(quote(T0 + SECOND, "99.90", "100.10", "5000"));
    // ask 100.10 * (1 + 0.0010) = 100.2001; commission 100 * 100.2001 * 0.0001 = 1.002001 > 1.00
    assertThat(fills(events))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.lastPx()).isEqualByComparingTo("100.2001");
              assertThat(f.lastQty()).isEqualByComparingTo("100");
              assertThat(f.commission()).isEqualByComparingTo("1.00200100");
              assertThat(f.leavesQty()).isEqualByComparingTo("0");
              assertThat(f.partial()).isFalse();
              assertThat(f.tsEvent()).isEqualTo(T0 + SECOND);
            });
    assertThat(broker.order(buy.clientOrderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(broker.workingOrders()).isEmpty();
  }

  @Test
  void marketSellCrossesToTheBidMinusSlippageAndPaysTheMinimumFee() {
    accepted(orders.market(AAPL, OrderSide.SELL, d(5), T0));
    List<OrderFilled> f = fills(broker.onMarketUpdate(quote(T0 + 1, "99.90", "100.10", "5000")));
    // 99.90 * (1 - 0.0010) = 99.8001; fee 5 * 99.8001 * 0.0001 = 0.0499 < minimum 1.00
    assertThat(f.get(0).lastPx()).isEqualByComparingTo("99.8001");
    assertThat(f.get(0).commission()).isEqualByComparingTo("1.00");
  }

  @Test
  void limitOrdersFillOnlyWhenCrossedAndNeverBeyondTheLimit() {
    SubmitOrder buy = accepted(orders.limitBuy(d(10), d("100.00")));
    SubmitOrder sell = accepted(orders.limit(AAPL, OrderSide.SELL, d(10), d("101.00")));
    // ask 100.05 > 100.00 and bid 100.00 < 101.00: neither crosses
    assertThat(broker.onMarketUpdate(quote(T0 + 1, "100.00", "100.05", "1000"))).isEmpty();

    // ask 99.98 crosses; 99.98 * 1.001 = 100.07998 is beyond the limit, so the fill is at 100.00
    List<OrderFilled> f = fills(broker.onMarketUpdate(quote(T0 + 2, "99.90", "99.98", "1000")));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.clientOrderId()).isEqualTo(buy.clientOrderId());
              assertThat(x.lastPx()).isEqualByComparingTo("100.00");
            });
    // bid 101.20 crosses; 101.20 * 0.999 = 101.0988 is better than the limit 101.00
    f = fills(broker.onMarketUpdate(quote(T0 + 3, "101.20", "101.30", "1000")));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.clientOrderId()).isEqualTo(sell.clientOrderId());
              assertThat(x.lastPx()).isEqualByComparingTo("101.0988");
            });
  }

  @Test
  void limitBuyWellInsideTheMarketGetsTheSlippedAsk() {
    accepted(orders.limitBuy(d(10), d("100.00")));
    // 99.80 * 1.001 = 99.8998 < 100.00
    assertThat(
            fills(broker.onMarketUpdate(quote(T0 + 1, "99.70", "99.80", "1000"))).get(0).lastPx())
        .isEqualByComparingTo("99.8998");
  }

  @Test
  void stopsTriggerOnTheLastPriceThenFill() {
    SubmitOrder buyStop = accepted(orders.stop(OrderSide.BUY, d(10), d("101.00")));
    SubmitOrder sellStop = accepted(orders.stop(OrderSide.SELL, d(10), d("99.00")));
    assertThat(broker.onMarketUpdate(trade(T0 + 1, "100.50", "1000"))).isEmpty();

    List<OrderEvent> up = broker.onMarketUpdate(trade(T0 + 2, "101.00", "1000"));
    assertThat(up).hasSize(2);
    assertThat(up.get(0)).isEqualTo(new OrderTriggered(buyStop.clientOrderId(), AAPL, T0 + 2));
    // triggered into a market buy: 101.00 * 1.001 = 101.101
    assertThat(((OrderFilled) up.get(1)).lastPx()).isEqualByComparingTo("101.101");

    List<OrderEvent> down = broker.onMarketUpdate(trade(T0 + 3, "98.90", "1000"));
    assertThat(down.get(0)).isEqualTo(new OrderTriggered(sellStop.clientOrderId(), AAPL, T0 + 3));
    // 98.90 * 0.999 = 98.8011
    assertThat(((OrderFilled) down.get(1)).lastPx()).isEqualByComparingTo("98.8011");
  }

  @Test
  void stopLimitTriggersThenWaitsForItsLimit() {
    SubmitOrder o = accepted(orders.stopLimit(OrderSide.BUY, d(10), d("101.00"), d("101.05")));
    // 101.10 reaches the stop but is beyond the limit: triggered, not filled
    assertThat(broker.onMarketUpdate(trade(T0 + 1, "101.10", "1000")))
        .containsExactly(new OrderTriggered(o.clientOrderId(), AAPL, T0 + 1));
    assertThat(broker.order(o.clientOrderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.TRIGGERED);
    // 101.02 crosses the limit: min(101.05, 101.02 * 1.001 = 101.12102) = 101.05
    List<OrderFilled> f = fills(broker.onMarketUpdate(trade(T0 + 2, "101.02", "1000")));
    assertThat(f.get(0).lastPx()).isEqualByComparingTo("101.05");
  }

  @Test
  void partialFillsAreBoundedByParticipationTimesVolume() {
    SubmitOrder o = accepted(orders.market(AAPL, OrderSide.BUY, d(1000), T0));
    // 10 % of 3,000 = 300; of 4,500 = 450; of 1,234 = 123.4 -> 123 whole lots; then the last 127
    assertThat(fills(broker.onMarketUpdate(quote(T0 + 1, "99", "100", "3000"))).get(0))
        .satisfies(
            f -> {
              assertThat(f.lastQty()).isEqualByComparingTo("300");
              assertThat(f.leavesQty()).isEqualByComparingTo("700");
              assertThat(f.partial()).isTrue();
            });
    assertThat(fills(broker.onMarketUpdate(quote(T0 + 2, "99", "100", "4500"))).get(0).lastQty())
        .isEqualByComparingTo("450");
    assertThat(fills(broker.onMarketUpdate(quote(T0 + 3, "99", "100", "1234"))).get(0).lastQty())
        .isEqualByComparingTo("123");
    OrderFilled last = fills(broker.onMarketUpdate(quote(T0 + 4, "99", "100", "50000"))).get(0);
    assertThat(last.lastQty()).isEqualByComparingTo("127");
    assertThat(last.partial()).isFalse();
    assertThat(broker.order(o.clientOrderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
    // a volume below one lot's worth of participation fills nothing
    accepted(orders.market(AAPL, OrderSide.BUY, d(10), T0));
    assertThat(broker.onMarketUpdate(quote(T0 + 5, "99", "100", "9"))).isEmpty();
  }

  @Test
  void ordersShareAnUpdatesParticipationInArrivalOrder() {
    SubmitOrder first = accepted(orders.market(AAPL, OrderSide.BUY, d(100), T0));
    SubmitOrder second = accepted(orders.market(AAPL, OrderSide.SELL, d(100), T0));
    // 10 % of 1,500 = 150: the first takes 100, the second the remaining 50
    List<OrderFilled> f = fills(broker.onMarketUpdate(quote(T0 + 1, "99", "100", "1500")));
    assertThat(f)
        .extracting(OrderFilled::clientOrderId)
        .containsExactly(first.clientOrderId(), second.clientOrderId());
    assertThat(f).extracting(x -> x.lastQty().intValueExact()).containsExactly(100, 50);
  }

  @Test
  void iocCancelsWhatDoesNotFillOnTheFirstUpdate() {
    SubmitOrder ioc =
        accepted(orders.market(AAPL, OrderSide.BUY, d(1000), T0).withTimeInForce(TimeInForce.IOC));
    List<OrderEvent> events = broker.onMarketUpdate(quote(T0 + 1, "99", "100", "3000"));
    assertThat(events).hasSize(2);
    assertThat(((OrderFilled) events.get(0)).lastQty()).isEqualByComparingTo("300");
    assertThat(events.get(1))
        .isEqualTo(new OrderCanceled(ioc.clientOrderId(), AAPL, "IOC remainder", T0 + 1));
    assertThat(broker.order(ioc.clientOrderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELED);

    SubmitOrder iocLimit =
        accepted(orders.limitBuy(d(10), d("90.00")).withTimeInForce(TimeInForce.IOC));
    assertThat(broker.onMarketUpdate(quote(T0 + 2, "99", "100", "3000")))
        .containsExactly(
            new OrderCanceled(iocLimit.clientOrderId(), AAPL, "IOC remainder", T0 + 2));
  }

  @Test
  void dayOrdersExpireAtTheConfiguredSessionEnd() {
    SubmitOrder day = accepted(orders.limitBuy(d(10), d("90.00")).withTimeInForce(TimeInForce.DAY));
    SubmitOrder gtc = accepted(orders.limitBuy(d(10), d("90.00")));
    long sessionEnd = nanos("2023-11-14T21:00:00Z");
    assertThat(broker.advanceTo(sessionEnd - 1)).isEmpty();
    // An update at the session end: the DAY order expires first and never sees the price; GTC
    // fills.
    List<OrderEvent> events = broker.onMarketUpdate(quote(sessionEnd, "89.00", "89.10", "1000"));
    assertThat(events.get(0)).isEqualTo(new OrderExpired(day.clientOrderId(), AAPL, sessionEnd));
    assertThat(fills(events))
        .singleElement()
        .extracting(OrderFilled::clientOrderId)
        .isEqualTo(gtc.clientOrderId());
    assertThat(broker.order(day.clientOrderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.EXPIRED);
  }

  @Test
  void dayExpiryIsTheFirstSessionEndAfterSubmission() {
    assertThat(model.dayExpiry(T0)).isEqualTo(nanos("2023-11-14T21:00:00Z"));
    assertThat(model.dayExpiry(nanos("2023-11-14T21:00:00Z")))
        .isEqualTo(nanos("2023-11-15T21:00:00Z"));
    assertThat(model.dayExpiry(nanos("2023-11-14T22:30:00Z")))
        .isEqualTo(nanos("2023-11-15T21:00:00Z"));
    assertThat(model.dayExpiry(nanos("2023-11-14T20:59:59Z")))
        .isEqualTo(nanos("2023-11-14T21:00:00Z"));
  }

  @Test
  void cancelEndsOnlyWorkingOrders() {
    SubmitOrder o = accepted(orders.limitBuy(d(10), d("90.00")));
    assertThat(broker.cancel(new CancelOrder(o.clientOrderId(), T0 + 5), T0 + 5))
        .containsExactly(new OrderCanceled(o.clientOrderId(), AAPL, "requested", T0 + 5));
    assertThat(broker.cancel(new CancelOrder(o.clientOrderId(), T0 + 6), T0 + 6)).isEmpty();
    assertThat(broker.cancel(new CancelOrder("unknown", T0 + 6), T0 + 6)).isEmpty();
    // a canceled order never fills
    assertThat(broker.onMarketUpdate(quote(T0 + 7, "80", "80.10", "1000"))).isEmpty();
  }

  @Test
  void forgettingDoneOrdersKeepsTheWorkingOnes() {
    SubmitOrder filled = accepted(orders.market(AAPL, OrderSide.BUY, d(1), T0));
    SubmitOrder resting = accepted(orders.limit(AAPL, OrderSide.BUY, d(1), d("50")));
    assertThat(fills(broker.onMarketUpdate(quote(T0 + 1, "99.90", "100.10", "5000")))).hasSize(1);

    broker.forgetDoneOrders();

    assertThat(broker.order(filled.clientOrderId())).isEmpty();
    assertThat(broker.order(resting.clientOrderId())).isPresent();
    assertThat(broker.workingOrders())
        .extracting(o -> o.command().clientOrderId())
        .containsExactly(resting.clientOrderId());
    // A working order's id is still refused; the resting order still fills.
    assertThat(broker.submit(resting, T0 + 2)).singleElement().isInstanceOf(OrderRejected.class);
    assertThat(fills(broker.onMarketUpdate(quote(T0 + 3, "49.90", "50", "5000")))).hasSize(1);
  }

  @Test
  void venueRejectsUnknownInstrumentsAndReusedIds() {
    SubmitOrder o = accepted(orders.buy(d(1)));
    assertThat(broker.submit(o, T0 + 1))
        .singleElement()
        .isInstanceOfSatisfying(
            OrderRejected.class, r -> assertThat(r.reason()).contains("duplicate client order id"));
    assertThat(broker.submit(orders.market("MSFT.XNAS", OrderSide.BUY, d(1), T0), T0))
        .singleElement()
        .isInstanceOfSatisfying(
            OrderRejected.class,
            r -> assertThat(r.reason()).isEqualTo("unknown instrument MSFT.XNAS"));
  }

  @Test
  void openOrdersNotionalCountsLeavesAtTheirPrices() {
    accepted(orders.limitBuy(d(10), d("90.00")));
    accepted(orders.stop(OrderSide.SELL, d(5), d("80.00")));
    accepted(orders.buy(d(2)));
    // 10 * 90 + 5 * 80 + 2 * ref 100 = 900 + 400 + 200 = 1,500
    assertThat(broker.openOrdersNotional(Map.of(AAPL, d(100)))).isEqualByComparingTo("1500");
  }
}
