package io.tickstream.execution.backtest;

/** Called by a running backtest every few thousand bars and at the end (a CLI progress bar). */
@FunctionalInterface
public interface BacktestProgress {

  /** Reports nothing. */
  BacktestProgress NONE = (bars, tsEvent) -> {};

  /**
   * @param barsProcessed bars read so far
   * @param tsEvent end of the latest bar, epoch nanoseconds
   */
  void onProgress(long barsProcessed, long tsEvent);
}
