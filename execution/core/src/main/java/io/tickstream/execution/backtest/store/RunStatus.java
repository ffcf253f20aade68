package io.tickstream.execution.backtest.store;

/** Where a stored backtest is in its life. */
public enum RunStatus {
  /** Accepted, waiting for a worker. */
  QUEUED,
  /** Reading bars and trading. */
  RUNNING,
  /** Finished; the result is stored. */
  SUCCEEDED,
  /** Stopped by an error, which is stored. */
  FAILED
}
