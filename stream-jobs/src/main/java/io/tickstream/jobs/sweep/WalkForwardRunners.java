package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.sweep.SweepCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** The two backtest stages of a walk-forward job. */
final class WalkForwardRunners {
  private WalkForwardRunners() {}

  /** Shared set-up: the candidates, traded instruments and folds, as the client built them. */
  abstract static class Stage<I> extends SweepTask<I, WalkForwardRow> {
    private static final long serialVersionUID = 1L;

    protected transient List<StrategyPlan> plans;
    protected transient List<String> traded;
    protected transient WalkForwardFolds folds;

    Stage(SweepJobConfig config) {
      super(config);
    }

    @Override
    public void open(OpenContext context) throws IOException {
      super.open(context);
      plans = config.plans();
      traded = config.tradedInstruments();
      folds = new WalkForwardFolds(config, bars);
    }

    protected String instrumentLabel(int index) {
      String id = traded.get(index);
      return id == null ? "*" : id;
    }
  }

  /** Scores one candidate on one fold's in-sample window (by run index). */
  static final class InSample extends Stage<Integer> {
    private static final long serialVersionUID = 1L;

    InSample(SweepJobConfig config) {
      super(config);
    }

    @Override
    public WalkForwardRow map(Integer index) {
      WalkForwardFolds.Run run = folds.runs().get(index);
      StrategyPlan plan = plans.get(run.candidate());
      SweepCase c =
          new SweepCase(
              plan, traded.get(run.instrument()), folds.folds().get(run.fold()).inSample());
      return WalkForwardRow.inSample(
          instrumentLabel(run.instrument()), run, SweepRow.paramsOf(plan), runCase(c).score());
    }
  }

  /** Trades a fold's chosen candidate on its out-of-sample window. */
  static final class OutOfSample extends Stage<WalkForwardRow> {
    private static final long serialVersionUID = 1L;

    OutOfSample(SweepJobConfig config) {
      super(config);
    }

    @Override
    public WalkForwardRow map(WalkForwardRow best) {
      SweepCase c =
          new SweepCase(
              plans.get(best.candidate()),
              traded.get(best.instrumentIndex()),
              folds.folds().get(best.fold()).outOfSample());
      return best.withOutOfSample(resultOf(c));
    }
  }

  /** Puts the fold results in order: by traded instrument, then fold (run at parallelism 1). */
  static final class InFoldOrder implements MapPartitionFunction<WalkForwardRow, WalkForwardRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void mapPartition(Iterable<WalkForwardRow> rows, Collector<WalkForwardRow> out) {
      List<WalkForwardRow> all = new ArrayList<>();
      rows.forEach(all::add);
      all.sort(
          Comparator.comparingInt(WalkForwardRow::instrumentIndex)
              .thenComparingInt(WalkForwardRow::fold));
      all.forEach(out::collect);
    }
  }
}
