package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.HistoricalBars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a grid of backtests (strategy parameters x instruments x periods) in parallel on a caller's
 * executor and ranks them by a metric.
 *
 * <p>Every case is an independent, deterministic backtest with its own engine, and results are
 * ranked by score, then by case order: the ranking is identical for any executor (a direct one, a
 * pool of any size). Each case reads the shared, immutable {@link HistoricalBars}.
 */
public final class ParameterSweep {

  private ParameterSweep() {}

  /** The product of plans x instruments (null: all at once) x periods, in that nesting order. */
  public static List<SweepCase> cases(
      List<StrategyPlan> plans, List<String> instruments, List<SweepCase.Period> periods) {
    List<SweepCase> out = new ArrayList<>();
    for (StrategyPlan plan : plans) {
      for (String instrument : instruments) {
        for (SweepCase.Period period : periods) {
          out.add(new SweepCase(plan, instrument, period));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Runs every case with {@code base} (its strategy replaced by the case's) and ranks them.
   *
   * @return one outcome per case, best first
   */
  public static List<SweepOutcome> run(
      BacktestConfig base,
      HistoricalBars data,
      List<SweepCase> cases,
      RankingMetric metric,
      Executor executor) {
    // Per-instrument views are built once, before the parallel part, and shared read-only.
    Map<String, HistoricalBars> byInstrument = new HashMap<>();
    for (SweepCase c : cases) {
      if (c.instrumentId() != null) {
        byInstrument.computeIfAbsent(c.instrumentId(), id -> data.only(tradedWith(id, base)));
      }
    }
    List<Supplier<BacktestResult>> tasks = new ArrayList<>();
    for (SweepCase c : cases) {
      HistoricalBars bars = c.instrumentId() == null ? data : byInstrument.get(c.instrumentId());
      tasks.add(() -> runCase(base, bars, c));
    }
    List<BacktestResult> results = ParallelRuns.run(tasks, executor);
    return rank(cases, results, metric);
  }

  private static List<String> tradedWith(String instrumentId, BacktestConfig base) {
    String benchmark = base.benchmarkInstrumentId();
    return benchmark == null || benchmark.equals(instrumentId)
        ? List.of(instrumentId)
        : List.of(instrumentId, benchmark);
  }

  static BacktestResult runCase(BacktestConfig base, HistoricalBars bars, SweepCase c) {
    BacktestConfig config = base.withStrategy(c.plan());
    if (c.instrumentId() != null) {
      config = config.withInstruments(Instruments.of(base.instruments().get(c.instrumentId())));
    }
    SweepCase.Period p = c.period();
    HistoricalBars window =
        p.fromEnd() == Long.MIN_VALUE && p.toEnd() == Long.MAX_VALUE
            ? bars
            : bars.between(p.fromEnd(), p.toEnd());
    return Backtest.run(config, window.source(), p.tradeFrom(), BacktestProgress.NONE);
  }

  /** Outcomes by score (higher first, NaN last), ties in case order; ranks from 1. */
  static List<SweepOutcome> rank(
      List<SweepCase> cases, List<BacktestResult> results, RankingMetric metric) {
    List<Integer> order = new ArrayList<>();
    double[] scores = new double[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      order.add(i);
      scores[i] = metric.score(results.get(i));
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> Double.isNaN(scores[i]) ? 1 : 0)
            .thenComparing(i -> -scores[i], Double::compare)
            .thenComparingInt(i -> i));
    List<SweepOutcome> out = new ArrayList<>();
    for (int r = 0; r < order.size(); r++) {
      int i = order.get(r);
      out.add(new SweepOutcome(r + 1, cases.get(i), scores[i], results.get(i)));
    }
    return List.copyOf(out);
  }
}
