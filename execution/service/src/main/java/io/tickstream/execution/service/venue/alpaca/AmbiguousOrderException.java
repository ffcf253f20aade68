package io.tickstream.execution.service.venue.alpaca;

/**
 * An order's fate at the broker could not be established before the reconcile deadline. Thrown
 * rather than guessing: the Streams task fails without committing, and the order is reconciled
 * again when the signal is re-processed.
 */
public final class AmbiguousOrderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the client order id and the last answer seen
   */
  public AmbiguousOrderException(String message) {
    super(message);
  }
}
