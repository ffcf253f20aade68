package io.tickstream.execution.risk;

/** What the risk engine lets through. */
public enum TradingMode {
  /** Every order that passes the limits. */
  NORMAL,
  /** Only orders that shrink a position without flipping it (winding down). */
  REDUCING,
  /** Nothing (kill switch): set on a drawdown breach or by an operator, reset only by one. */
  HALTED
}
