package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * Command: cancel what is left of a working order.
 *
 * @param clientOrderId the order to cancel
 * @param tsInit when the command was created, epoch nanoseconds
 */
public record CancelOrder(String clientOrderId, long tsInit) {

  public CancelOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
  }
}
