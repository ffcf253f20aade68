package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * A stop or stop-limit order's stop price was reached: it now works as a market or limit order.
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param tsEvent time of the market update that triggered it, epoch nanoseconds
 */
public record OrderTriggered(String clientOrderId, String instrumentId, long tsEvent)
    implements OrderEvent {

  public OrderTriggered {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
  }
}
