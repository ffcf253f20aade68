package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.backtest.BacktestResult;
import java.util.Objects;

/**
 * One ranked case of a sweep.
 *
 * @param rank 1 for the best
 * @param sweepCase what ran
 * @param score its ranking score (higher is better; NaN ranks last)
 * @param result the full backtest result
 */
public record SweepOutcome(int rank, SweepCase sweepCase, double score, BacktestResult result) {
  public SweepOutcome {
    Objects.requireNonNull(sweepCase, "sweepCase");
    Objects.requireNonNull(result, "result");
  }
}
