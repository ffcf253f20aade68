package io.tickstream.execution.orders;

/** Where an order is in its life. */
public enum OrderStatus {
  INITIALIZED(false),
  DENIED(true),
  SUBMITTED(false),
  ACCEPTED(false),
  REJECTED(true),
  TRIGGERED(false),
  PARTIALLY_FILLED(false),
  FILLED(true),
  CANCELED(true),
  EXPIRED(true);

  private final boolean terminal;

  OrderStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when no further event may change the order. */
  public boolean isTerminal() {
    return terminal;
  }

  /** True while the order can trade at the venue. */
  public boolean isWorking() {
    return this == ACCEPTED || this == TRIGGERED || this == PARTIALLY_FILLED;
  }
}
