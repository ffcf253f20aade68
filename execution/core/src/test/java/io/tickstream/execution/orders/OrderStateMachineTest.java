package io.tickstream.execution.orders;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.TestOrders;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OrderStateMachineTest {

  private final TestOrders orders = new TestOrders();

  // Events for an order of 10 AAPL; fills are built against the order's own leaves.
  private static OrderSubmitted submitted(SubmitOrder o) {
    return new OrderSubmitted(o, 1);
  }

  private static OrderDenied denied(SubmitOrder o) {
    return new OrderDenied(
        o.clientOrderId(), o.accountId(), AAPL, DenialReason.INVALID_PRICE, "x", 1, o);
  }

  private static OrderAccepted accepted(SubmitOrder o) {
    return new OrderAccepted(o.clientOrderId(), AAPL, "V1", 2);
  }

  private static OrderRejected rejected(SubmitOrder o) {
    return new OrderRejected(o.clientOrderId(), AAPL, "venue closed", 2);
  }

  private static OrderTriggered triggered(SubmitOrder o) {
    return new OrderTriggered(o.clientOrderId(), AAPL, 3);
  }

  private static OrderFilled fill(SubmitOrder o, String qty, String leaves) {
    return new OrderFilled(
        o.clientOrderId(), AAPL, "T", o.side(), d(qty), d("100"), BigDecimal.ZERO, d(leaves), 4);
  }

  private static OrderCanceled canceled(SubmitOrder o) {
    return new OrderCanceled(o.clientOrderId(), AAPL, "requested", 5);
  }

  private static OrderExpired expired(SubmitOrder o) {
    return new OrderExpired(o.clientOrderId(), AAPL, 6);
  }

  /**
   * One event from a token: S submitted, D denied, A accepted, R rejected, T triggered, C canceled,
   * E expired, F{qty}/{leaves} filled.
   */
  private static OrderEvent event(String token, SubmitOrder o) {
    switch (token.charAt(0)) {
      case 'S':
        return submitted(o);
      case 'D':
        return denied(o);
      case 'A':
        return accepted(o);
      case 'R':
        return rejected(o);
      case 'T':
        return triggered(o);
      case 'C':
        return canceled(o);
      case 'E':
        return expired(o);
      case 'F':
        String[] qtyLeaves = token.substring(1).split("/");
        return fill(o, qtyLeaves[0], qtyLeaves[1]);
      default:
        throw new IllegalArgumentException(token);
    }
  }

  private static Order drive(SubmitOrder command, String path) {
    Order order = new Order(command);
    if (!path.isEmpty()) {
      for (String token : path.split(" ")) {
        order.apply(event(token, command));
      }
    }
    return order;
  }

  /** Every legal path of an order of 10: (path, stop order?, status at the end). */
  private static final Object[][] LEGAL = {
    {"S", false, OrderStatus.SUBMITTED},
    {"D", false, OrderStatus.DENIED},
    {"S A", false, OrderStatus.ACCEPTED},
    {"S R", false, OrderStatus.REJECTED},
    {"S A F10/0", false, OrderStatus.FILLED},
    {"S A F4/6", false, OrderStatus.PARTIALLY_FILLED},
    {"S A F4/6 F5/1", false, OrderStatus.PARTIALLY_FILLED},
    {"S A F4/6 F6/0", false, OrderStatus.FILLED},
    {"S A C", false, OrderStatus.CANCELED},
    {"S A F4/6 C", false, OrderStatus.CANCELED},
    {"S A E", false, OrderStatus.EXPIRED},
    {"S A F4/6 E", false, OrderStatus.EXPIRED},
    {"S A T", true, OrderStatus.TRIGGERED},
    {"S A T F10/0", true, OrderStatus.FILLED},
    {"S A T F3/7", true, OrderStatus.PARTIALLY_FILLED},
    {"S A T F3/7 F7/0", true, OrderStatus.FILLED},
    {"S A C", true, OrderStatus.CANCELED},
    {"S A T C", true, OrderStatus.CANCELED},
    {"S A T E", true, OrderStatus.EXPIRED},
    {"S A T F3/7 E", true, OrderStatus.EXPIRED},
  };

  private SubmitOrder command(boolean stop) {
    return stop ? orders.stop(OrderSide.SELL, d(10), d(95)) : orders.buy(d(10));
  }

  @TestFactory
  Stream<DynamicTest> everyLegalTransition() {
    return Stream.of(LEGAL)
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row[0] + (((Boolean) row[1]) ? " (stop)" : "") + " -> " + row[2],
                    () -> {
                      Order order = drive(command((Boolean) row[1]), (String) row[0]);
                      assertThat(order.status()).isEqualTo(row[2]);
                      assertThat(order.events()).hasSize(((String) row[0]).split(" ").length);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> terminalStatesRefuseEveryEvent() {
    return Stream.of(LEGAL)
        .filter(row -> ((OrderStatus) row[2]).isTerminal())
        .flatMap(
            row ->
                Stream.of("S", "D", "A", "R", "T", "F1/9", "C", "E")
                    .map(
                        token ->
                            DynamicTest.dynamicTest(
                                row[0] + " then " + token,
                                () -> {
                                  SubmitOrder c = command((Boolean) row[1]);
                                  Order order = drive(c, (String) row[0]);
                                  OrderStatus before = order.status();
                                  assertThatThrownBy(() -> order.apply(event(token, c)))
                                      .isInstanceOf(IllegalOrderTransitionException.class)
                                      .hasMessageContaining("in status " + before);
                                  assertThat(order.status()).isEqualTo(before);
                                  assertThat(order.events())
                                      .hasSize(((String) row[0]).split(" ").length);
                                })));
  }

  @Test
  void fillAfterCancelIsRefused() {
    SubmitOrder c = command(false);
    Order order = drive(c, "S A C");
    assertThatThrownBy(() -> order.apply(fill(c, "1", "9")))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessage(
            "order "
                + c.clientOrderId()
                + " in status CANCELED cannot apply OrderFilled: the order is not working");
  }

  @Test
  void fillBeyondQuantityIsRefused() {
    SubmitOrder c = command(false);
    Order order = drive(c, "S A F4/6");
    assertThatThrownBy(() -> order.apply(fill(c, "7", "0")))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("fill quantity 7 exceeds leaves quantity 6");
    assertThat(order.filledQty()).isEqualByComparingTo("4");
    assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
  }

  @Test
  void inconsistentLeavesSideOrIdAreRefused() {
    SubmitOrder c = command(false);
    Order order = drive(c, "S A");
    assertThatThrownBy(() -> order.apply(fill(c, "4", "5")))
        .hasMessageContaining("fill reports leaves 5 but the order would leave 6");
    OrderFilled wrongSide =
        new OrderFilled(
            c.clientOrderId(), AAPL, "T", OrderSide.SELL, d(1), d(100), BigDecimal.ZERO, d(9), 4);
    assertThatThrownBy(() -> order.apply(wrongSide)).hasMessageContaining("fill side SELL");
    assertThatThrownBy(() -> order.apply(accepted(orders.buy(d(1)))))
        .hasMessageContaining("belongs to order");
  }

  @Test
  void outOfOrderEventsAreRefused() {
    SubmitOrder c = command(false);
    assertThatThrownBy(() -> drive(c, "A"))
        .hasMessageContaining(
            "in status INITIALIZED cannot apply OrderAccepted: it requires status SUBMITTED");
    assertThatThrownBy(() -> drive(c, "S F1/9")).hasMessageContaining("the order is not working");
    assertThatThrownBy(() -> drive(c, "S D")).hasMessageContaining("requires status INITIALIZED");
    assertThatThrownBy(() -> drive(c, "S A T"))
        .hasMessageContaining("a MARKET order has no stop price to trigger");
    SubmitOrder stop = command(true);
    assertThatThrownBy(() -> drive(stop, "S A F1/9"))
        .hasMessageContaining("fills only after it is triggered");
    assertThatThrownBy(() -> drive(stop, "S A T T"))
        .hasMessageContaining("requires status ACCEPTED");
  }

  @Test
  void averageFillPriceIsQuantityWeighted() {
    SubmitOrder c = command(false);
    Order order = drive(c, "S A");
    order.apply(
        new OrderFilled(
            c.clientOrderId(),
            AAPL,
            "T1",
            OrderSide.BUY,
            d(4),
            d("100.00"),
            BigDecimal.ZERO,
            d(6),
            4));
    order.apply(
        new OrderFilled(
            c.clientOrderId(),
            AAPL,
            "T2",
            OrderSide.BUY,
            d(6),
            d("101.00"),
            BigDecimal.ZERO,
            d(0),
            5));
    // (4 * 100 + 6 * 101) / 10 = 1006 / 10 = 100.6
    assertThat(order.avgPx()).isEqualByComparingTo("100.6");
    assertThat(order.leavesQty()).isEqualByComparingTo("0");
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void eventsRejectImpossibleValues() {
    assertThatThrownBy(() -> fill(command(false), "0", "10"))
        .hasMessageContaining("fill quantity must be > 0");
    assertThatThrownBy(() -> fill(command(false), "1", "-1"))
        .hasMessageContaining("leaves quantity must be >= 0");
  }
}
