package io.tickstream.execution.orders;

import java.math.BigDecimal;

/** Which way an order trades. */
public enum OrderSide {
  BUY(1),
  SELL(-1);

  private final int sign;

  OrderSide(int sign) {
    this.sign = sign;
  }

  /** +1 for BUY, -1 for SELL: a fill changes a position by {@code sign * quantity}. */
  public int sign() {
    return sign;
  }

  /** {@code quantity} with this side's sign. */
  public BigDecimal signed(BigDecimal quantity) {
    return sign > 0 ? quantity : quantity.negate();
  }

  /** The side that closes what this side opens. */
  public OrderSide opposite() {
    return this == BUY ? SELL : BUY;
  }
}
