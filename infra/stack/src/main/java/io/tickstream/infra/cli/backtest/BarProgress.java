package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.ingest.replay.ProgressBar;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The replay command's progress bar driven by a backtest: the share done is how far the latest bar
 * is into the period, the rows are bars.
 */
final class BarProgress implements BacktestProgress {
  private final ProgressBar bar;
  private final long fromMs;
  private long done;
  private long bars;

  BarProgress(PrintStream out, Instant from, Instant to) {
    this.fromMs = from.toEpochMilli();
    this.bar = new ProgressBar(out, to.toEpochMilli() - fromMs, System::nanoTime);
  }

  @Override
  public void onProgress(long barsProcessed, long tsEvent) {
    bars = barsProcessed;
    done = Math.max(0, Math.floorDiv(tsEvent, 1_000_000L) - fromMs);
    bar.update(done, bars);
  }

  /** Draws the final state and ends the line. */
  void finish() {
    bar.finish(done, bars);
  }
}
