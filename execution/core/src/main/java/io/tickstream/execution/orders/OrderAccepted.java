package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * The venue accepted the order; it is working.
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param venueOrderId the venue's id for it
 * @param tsEvent when the venue accepted it, epoch nanoseconds
 */
public record OrderAccepted(
    String clientOrderId, String instrumentId, String venueOrderId, long tsEvent)
    implements OrderEvent {

  public OrderAccepted {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(venueOrderId, "venueOrderId");
  }
}
