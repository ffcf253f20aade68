package io.tickstream.execution.orders;

import java.util.Objects;

/**
 * The order failed a pre-trade risk check and never reached a venue.
 *
 * @param clientOrderId the denied order
 * @param accountId its account
 * @param instrumentId SYMBOL.VENUE
 * @param reason the rule that denied it
 * @param message human-readable detail with the values that decided
 * @param tsEvent when it was denied, epoch nanoseconds
 * @param order the denied order's terms, or {@code null} when it was denied before it could be
 *     sized (unknown instrument, no market price yet)
 */
public record OrderDenied(
    String clientOrderId,
    String accountId,
    String instrumentId,
    DenialReason reason,
    String message,
    long tsEvent,
    SubmitOrder order)
    implements OrderEvent {

  public OrderDenied {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
