package io.tickstream.execution.engine;

import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A working order as plain data, for snapshots.
 *
 * @param command the order as sent
 * @param filledQty quantity filled so far, {@code >= 0} and below the order's quantity
 * @param avgPx average fill price so far; null when nothing filled
 * @param fills number of fills so far (the venue numbers trade ids after it)
 * @param triggered true once a stop order's stop was reached
 * @param acceptedAt when the venue accepted it, epoch nanoseconds (fills only use later data)
 */
public record OpenOrder(
    SubmitOrder command,
    BigDecimal filledQty,
    BigDecimal avgPx,
    int fills,
    boolean triggered,
    long acceptedAt) {

  public OpenOrder {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(filledQty, "filledQty");
    if (filledQty.signum() < 0 || filledQty.compareTo(command.quantity()) >= 0) {
      throw new IllegalArgumentException(
          "filledQty must be in [0, " + command.quantity() + "), got " + filledQty);
    }
    if (filledQty.signum() > 0 && (avgPx == null || fills <= 0)) {
      throw new IllegalArgumentException("a partly filled order needs its fills and average price");
    }
  }
}
