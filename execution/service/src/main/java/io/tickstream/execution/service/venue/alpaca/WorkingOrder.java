package io.tickstream.execution.service.venue.alpaca;

import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderExpired;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order working at the broker as the venue knows it: its state and the broker's id. */
final class WorkingOrder {
  /**
   * The broker id of an order the broker has not told us about yet (restored while it was down).
   */
  static final String UNKNOWN_ID = "unknown";

  private final Order order;
  private String venueId;

  WorkingOrder(Order order, String venueId) {
    this.order = order;
    this.venueId = venueId;
  }

  Order order() {
    return order;
  }

  String venueId() {
    return venueId;
  }

  void setVenueId(String venueId) {
    this.venueId = venueId;
  }

  /** Events for what the broker reports beyond what is known here: fills, cancel, expiry. */
  List<OrderEvent> progress(AlpacaOrder o, long now) {
    List<OrderEvent> out = new ArrayList<>();
    SubmitOrder c = order.command();
    BigDecimal known = order.filledQty();
    BigDecimal filled = o.filledQty().min(c.quantity());
    if (filled.compareTo(known) > 0) {
      BigDecimal delta = filled.subtract(known);
      BigDecimal knownNotional =
          known.signum() == 0 ? BigDecimal.ZERO : known.multiply(order.avgPx());
      BigDecimal px =
          Precision.divide(filled.multiply(o.filledAvgPrice()).subtract(knownNotional), delta);
      out.add(
          apply(
              new OrderFilled(
                  c.clientOrderId(),
                  c.instrumentId(),
                  venueId + "-" + filled.toPlainString(),
                  c.side(),
                  delta,
                  px.signum() > 0 ? px : o.filledAvgPrice(),
                  BigDecimal.ZERO,
                  c.quantity().subtract(filled),
                  now)));
    }
    if (order.status().isWorking()) {
      if ("canceled".equals(o.status())) {
        out.add(apply(new OrderCanceled(c.clientOrderId(), c.instrumentId(), "broker", now)));
      } else if ("expired".equals(o.status()) || "done_for_day".equals(o.status())) {
        out.add(apply(new OrderExpired(c.clientOrderId(), c.instrumentId(), now)));
      }
    }
    return out;
  }

  private OrderEvent apply(OrderEvent e) {
    order.apply(e);
    return e;
  }
}
