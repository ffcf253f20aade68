package io.tickstream.sink;

/**
 * A value that its column's type cannot hold, found while encoding binary {@code COPY} input (with
 * CSV input the server finds it). Carries the SQLSTATE the server would have raised, so the write
 * path treats it as the server's refusal: the batch is bisected and the row dead-lettered.
 */
final class CopyValueRefused extends RuntimeException {
  private final String sqlState;

  CopyValueRefused(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }
}
