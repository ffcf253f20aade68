package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * The order's time in force ran out (a DAY order at session end).
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param tsEvent the expiry time, epoch nanoseconds
 */
public record OrderExpired(String clientOrderId, String instrumentId, long tsEvent)
    implements OrderEvent {

  public OrderExpired {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
  }
}
