package io.tickstream.ingest.replay;

/** A row of an input file could not be turned into a tick; the message says what and where. */
public final class MalformedRowException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the row, e.g. "price 'abc' is not a decimal number"
   */
  public MalformedRowException(String message) {
    super(message);
  }
}
