package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.HistoricalBars;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Walk-forward analysis: in rolling windows, pick the best candidate in-sample, then trade it on
 * the following out-of-sample window only. Each out-of-sample run replays the in-sample bars as
 * warm-up (strategies start warm, nothing is traded before the out-of-sample start), so the chosen
 * parameters never see the bars they are judged on.
 */
public final class WalkForward {

  private WalkForward() {}

  /**
   * Rolling windows by bar end: fold k has in-sample {@code [start + k*step, + inSample)} and
   * out-of-sample the next {@code outOfSample}.
   *
   * @param inSampleNanos length of the optimisation window
   * @param outOfSampleNanos length of the evaluation window
   * @param stepNanos how far each fold moves (usually {@code outOfSampleNanos})
   */
  public record Windows(long inSampleNanos, long outOfSampleNanos, long stepNanos) {
    public Windows {
      if (inSampleNanos <= 0 || outOfSampleNanos <= 0 || stepNanos <= 0) {
        throw new IllegalArgumentException("window lengths and step must be > 0");
      }
    }
  }

  /**
   * One fold.
   *
   * @param inSample the optimisation period
   * @param outOfSample the evaluation period (its warm-up is the in-sample bars)
   * @param chosen the best in-sample candidate
   * @param inSampleScore its in-sample score
   * @param outOfSampleResult how it did out of sample
   */
  public record Fold(
      SweepCase.Period inSample,
      SweepCase.Period outOfSample,
      StrategyPlan chosen,
      double inSampleScore,
      BacktestResult outOfSampleResult) {
    public Fold {
      Objects.requireNonNull(chosen, "chosen");
      Objects.requireNonNull(outOfSampleResult, "outOfSampleResult");
    }
  }

  /**
   * Runs every fold that fits in {@code data}, in time order. Candidates of a fold's in-sample
   * window run in parallel on {@code executor}; folds run one after another.
   *
   * @param instrumentId the instrument traded, or null for all in {@code data}
   */
  public static List<Fold> run(
      BacktestConfig base,
      HistoricalBars data,
      String instrumentId,
      List<StrategyPlan> candidates,
      Windows windows,
      RankingMetric metric,
      Executor executor) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("walk-forward needs at least one candidate");
    }
    List<Fold> folds = new ArrayList<>();
    long start = data.firstEnd();
    long last = data.lastEnd();
    for (int k = 0; ; k++) {
      long inFrom = start + k * windows.stepNanos();
      long inTo = inFrom + windows.inSampleNanos();
      long outTo = inTo + windows.outOfSampleNanos();
      if (inTo > last) {
        break;
      }
      SweepCase.Period in = new SweepCase.Period("in-" + k, inFrom, inFrom, inTo);
      SweepCase.Period out = new SweepCase.Period("out-" + k, inFrom, inTo, outTo);
      List<SweepCase> cases =
          ParameterSweep.cases(
              candidates, java.util.Collections.singletonList(instrumentId), List.of(in));
      SweepOutcome best = ParameterSweep.run(base, data, cases, metric, executor).get(0);
      BacktestResult oos =
          ParameterSweep.run(
                  base,
                  data,
                  List.of(new SweepCase(best.sweepCase().plan(), instrumentId, out)),
                  metric,
                  Runnable::run)
              .get(0)
              .result();
      folds.add(new Fold(in, out, best.sweepCase().plan(), best.score(), oos));
    }
    return List.copyOf(folds);
  }

  /**
   * The compounded return of the out-of-sample windows: {@code prod(1 + r_k) - 1} over each fold's
   * final over starting equity.
   */
  public static double outOfSampleReturn(List<Fold> folds) {
    double growth = 1;
    for (Fold f : folds) {
      BacktestResult r = f.outOfSampleResult();
      if (!r.equityCurve().isEmpty()) {
        growth *= r.finalEquity().doubleValue() / r.equityCurve().get(0).value().doubleValue();
      }
    }
    return growth - 1;
  }
}
