package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.backtest.sweep.WalkForward;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-forward job's work, as indexable lists both the client and every task manager rebuild
 * from the config and the bars: the folds, and the in-sample runs (traded instrument x fold x
 * candidate). The fold windows are those of {@link WalkForward#run} (rolling by bar end from the
 * first bar while the in-sample window ends by the last); {@code SweepJobIT} checks the folds,
 * choices and out-of-sample results equal the engine's.
 */
final class WalkForwardFolds {

  /**
   * One fold.
   *
   * @param index fold number from 0
   * @param inSample optimisation period
   * @param outOfSample evaluation period, warmed up on the in-sample bars
   */
  record Fold(int index, SweepCase.Period inSample, SweepCase.Period outOfSample) {}

  /**
   * One in-sample run.
   *
   * @param instrument index into {@link SweepJobConfig#tradedInstruments}
   * @param fold index into {@link #folds}
   * @param candidate index into {@link SweepJobConfig#plans}
   */
  record Run(int instrument, int fold, int candidate) {}

  private final List<Fold> folds = new ArrayList<>();
  private final List<Run> runs = new ArrayList<>();

  WalkForwardFolds(SweepJobConfig config, HistoricalBars data) {
    WalkForward.Windows w = config.walkForward().toEngine();
    long start = data.firstEnd();
    long last = data.lastEnd();
    for (int k = 0; ; k++) {
      long inFrom = start + k * w.stepNanos();
      long inTo = inFrom + w.inSampleNanos();
      if (inTo > last) {
        break;
      }
      folds.add(
          new Fold(
              k,
              new SweepCase.Period("in-" + k, inFrom, inFrom, inTo),
              new SweepCase.Period("out-" + k, inFrom, inTo, inTo + w.outOfSampleNanos())));
    }
    int candidates = config.plans().size();
    for (int i = 0; i < config.tradedInstruments().size(); i++) {
      for (int f = 0; f < folds.size(); f++) {
        for (int c = 0; c < candidates; c++) {
          runs.add(new Run(i, f, c));
        }
      }
    }
  }

  List<Fold> folds() {
    return folds;
  }

  List<Run> runs() {
    return runs;
  }
}
