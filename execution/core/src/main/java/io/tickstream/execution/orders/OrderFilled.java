package io.tickstream.execution.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Part or all of an order traded.
 *
 * @param clientOrderId our id
 * @param instrumentId SYMBOL.VENUE
 * @param tradeId the venue's id of this execution, unique per fill
 * @param side side of the order
 * @param lastQty quantity of this fill, {@code > 0}
 * @param lastPx price of this fill, {@code > 0}
 * @param commission fee charged for this fill, {@code >= 0}, in the account currency
 * @param leavesQty quantity still working after this fill, {@code >= 0}
 * @param tsEvent when it traded, epoch nanoseconds
 */
public record OrderFilled(
    String clientOrderId,
    String instrumentId,
    String tradeId,
    OrderSide side,
    BigDecimal lastQty,
    BigDecimal lastPx,
    BigDecimal commission,
    BigDecimal leavesQty,
    long tsEvent)
    implements OrderEvent {

  public OrderFilled {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(lastQty, "lastQty");
    Objects.requireNonNull(lastPx, "lastPx");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(leavesQty, "leavesQty");
    if (lastQty.signum() <= 0) {
      throw new IllegalArgumentException("fill quantity must be > 0, got " + lastQty);
    }
    if (lastPx.signum() <= 0) {
      throw new IllegalArgumentException("fill price must be > 0, got " + lastPx);
    }
    if (commission.signum() < 0) {
      throw new IllegalArgumentException("commission must be >= 0, got " + commission);
    }
    if (leavesQty.signum() < 0) {
      throw new IllegalArgumentException("leaves quantity must be >= 0, got " + leavesQty);
    }
  }

  /** True when quantity is still working after this fill. */
  public boolean partial() {
    return leavesQty.signum() > 0;
  }

  /** Quantity times price of this fill, exact. */
  public BigDecimal notional() {
    return lastQty.multiply(lastPx);
  }
}
