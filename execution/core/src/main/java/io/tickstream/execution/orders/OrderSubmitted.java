package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * The order passed pre-trade risk and was sent to the venue.
 *
 * @param order the command as sent
 * @param tsEvent when it was sent, epoch nanoseconds
 */
public record OrderSubmitted(SubmitOrder order, long tsEvent) implements OrderEvent {

  public OrderSubmitted {
    Objects.requireNonNull(order, "order");
  }

  @Override
  public String clientOrderId() {
    return order.clientOrderId();
  }

  @Override
  public String instrumentId() {
    return order.instrumentId();
  }
}
