package io.tickstream.execution.orders;

/** How long an order works before the venue ends it. */
public enum TimeInForce {
  /** Until the end of the trading session in which it was submitted, then expired. */
  DAY,
  /** Good till canceled. */
  GTC,
  /** Immediate or cancel: whatever does not fill on the first market update is canceled. */
  IOC
}
