package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * The venue refused the order (unlike {@link OrderDenied}, it got there).
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param reason the venue's reason, verbatim
 * @param tsEvent when the venue refused it, epoch nanoseconds
 */
public record OrderRejected(String clientOrderId, String instrumentId, String reason, long tsEvent)
    implements OrderEvent {

  public OrderRejected {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(reason, "reason");
  }
}
