package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * What was left of the order will not trade: canceled on request or, for IOC, by the venue.
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param reason why, e.g. {@code requested} or {@code IOC remainder}
 * @param tsEvent when, epoch nanoseconds
 */
public record OrderCanceled(String clientOrderId, String instrumentId, String reason, long tsEvent)
    implements OrderEvent {

  public OrderCanceled {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(reason, "reason");
  }
}
