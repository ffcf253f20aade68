package io.tickstream.execution.orders;

/** How an order's price is set. */
public enum OrderType {
  /** At the best available price; carries neither limit nor stop price. */
  MARKET,
  /** At the limit price or better; carries a limit price. */
  LIMIT,
  /** Becomes a market order once the last price reaches the stop price; carries a stop price. */
  STOP,
  /** Becomes a limit order once the last price reaches the stop price; carries both prices. */
  STOP_LIMIT;

  /** True when orders of this type must carry a limit price (and others must not). */
  public boolean hasLimitPrice() {
    return this == LIMIT || this == STOP_LIMIT;
  }

  /** True when orders of this type must carry a stop price (and others must not). */
  public boolean hasStopPrice() {
    return this == STOP || this == STOP_LIMIT;
  }
}
