package io.tickstream.execution.fill;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderStatus;
import io.tickstream.execution.orders.SubmitOrder;

/** An order resting at the paper broker, with what the broker needs to match it. */
final class WorkingOrder {

  final Order order;
  final Instrument instrument;
  final long acceptedAt;
  final long expiresAt;
  int fills;

  WorkingOrder(Order order, Instrument instrument, long acceptedAt, long expiresAt) {
    this.order = order;
    this.instrument = instrument;
    this.acceptedAt = acceptedAt;
    this.expiresAt = expiresAt;
  }

  SubmitOrder command() {
    return order.command();
  }

  /** True once a stop has triggered, and always for types without a stop. */
  boolean active() {
    return !command().type().hasStopPrice() || order.status() != OrderStatus.ACCEPTED;
  }

  /** True when it executes as a limit order once active. */
  boolean limitLike() {
    return command().type().hasLimitPrice();
  }
}
