package io.tickstream.execution.orders;

/** An event that cannot follow the order's current state, e.g. a fill after a cancel. */
public final class IllegalOrderTransitionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public IllegalOrderTransitionException(String message) {
    super(message);
  }
}
