package io.tickstream.execution.orders;

/** Why the pre-trade risk engine denied an order. Stable codes: they are stored and alerted on. */
public enum DenialReason {
  /** Quantity not positive or not a whole number of lots. */
  INVALID_QUANTITY,
  /** A price missing, present where the type forbids it, not positive, or off the tick grid. */
  INVALID_PRICE,
  /** Quantity above the per-order maximum. */
  QUANTITY_ABOVE_MAX,
  /** Notional (quantity times order or reference price) above the per-order maximum. */
  NOTIONAL_ABOVE_MAX,
  /** Gross exposure after the order, with open orders, above the account's credit limit. */
  CREDIT_LIMIT_EXCEEDED,
  /** Limit or stop price further from the reference price than the collar allows. */
  PRICE_OUTSIDE_COLLAR,
  /** A client order id that the engine has already seen. */
  DUPLICATE_ORDER,
  /** More orders in the sliding window than the limit allows. */
  RATE_LIMIT_EXCEEDED,
  /** Instrument not in the catalogue. */
  UNKNOWN_INSTRUMENT,
  /** Instrument on the account's restricted list. */
  RESTRICTED_INSTRUMENT,
  /** No reference price for the instrument: the engine fails closed. */
  MISSING_REFERENCE_PRICE,
  /** Absolute position after the order above the per-instrument maximum. */
  POSITION_ABOVE_MAX,
  /** This check found the account's drawdown past its limit and halted trading. */
  DRAWDOWN_LIMIT_BREACHED,
  /** Trading is halted (kill switch): every new order is denied. */
  TRADING_HALTED,
  /** Reducing mode: only orders that shrink a position without flipping it are allowed. */
  REDUCE_ONLY
}
