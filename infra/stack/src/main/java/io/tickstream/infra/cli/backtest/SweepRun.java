package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.store.DatabaseBacktest;
import io.tickstream.execution.backtest.sweep.ParameterGrid;
import io.tickstream.execution.backtest.sweep.ParameterSweep;
import io.tickstream.execution.backtest.sweep.RankingMetric;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.backtest.sweep.SweepOutcome;
import io.tickstream.execution.metrics.PerformanceReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code backtest --sweep}: every combination of the {@code --params} alternatives over the same
 * bars, run in parallel (one thread per core) and ranked by {@code --rank-by}. The bars are loaded
 * into memory once and shared by all runs; sweep results are printed, not stored.
 */
final class SweepRun {
  private final BacktestCommand cmd;

  SweepRun(BacktestCommand cmd) {
    this.cmd = cmd;
  }

  int run(PrintWriter out, BacktestRequest.Source kind) {
    RankingMetric metric = metric(cmd.rankBy);
    Map<String, List<String>> grid = ParamList.parseGrid(cmd.params);
    List<StrategyPlan> plans = ParameterGrid.of(cmd.strategy, Map.of(), grid);
    if (plans.isEmpty()) {
      throw new IllegalArgumentException(
          "--params " + cmd.params + " gives no valid combination for " + cmd.strategy);
    }
    Map<String, String> first = new TreeMap<>();
    ((StrategyPlan.Named) plans.get(0)).params().forEach((k, v) -> first.put(k, v.toString()));
    BacktestRequest base = cmd.request(first, kind);
    boolean fromCsv = kind == BacktestRequest.Source.CSV;
    Instruments tradable =
        fromCsv
            ? Sources.defaultInstruments(base)
            : DatabaseBacktest.instruments(cmd.db(), base.instruments());
    HistoricalBars bars =
        HistoricalBars.load(
            fromCsv ? Sources.csvBars(base, cmd.csv) : DatabaseBacktest.source(cmd.db(), base));
    if (bars.size() == 0) {
      throw new IllegalArgumentException(
          "no bars of " + base.instruments() + " between " + base.from() + " and " + base.to());
    }
    List<SweepCase> cases =
        ParameterSweep.cases(plans, Collections.singletonList(null), List.of(SweepCase.Period.ALL));
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<SweepOutcome> ranked;
    try {
      ranked = ParameterSweep.run(base.config(tradable), bars, cases, metric, pool);
    } finally {
      pool.shutdownNow();
    }
    print(out, ranked, metric, bars.size());
    return 0;
  }

  static RankingMetric metric(String name) {
    try {
      return RankingMetric.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      Arrays.stream(RankingMetric.values())
          .forEach(m -> known.add(m.name().toLowerCase(Locale.ROOT)));
      throw new IllegalArgumentException("--rank-by '" + name + "' is not one of " + known);
    }
  }

  private static void print(
      PrintWriter out, List<SweepOutcome> ranked, RankingMetric metric, int bars) {
    out.printf(
        Locale.ROOT,
        "%d runs over %,d bars, ranked by %s%n",
        ranked.size(),
        bars,
        metric.name().toLowerCase(Locale.ROOT));
    out.printf(
        Locale.ROOT,
        "%4s  %-32s %10s %10s %8s %9s %7s%n",
        "rank",
        "params",
        "score",
        "return",
        "sharpe",
        "max dd",
        "trades");
    for (SweepOutcome o : ranked) {
      PerformanceReport r = o.result().report();
      out.printf(
          Locale.ROOT,
          "%4d  %-32s %10s %10s %8s %9s %7d%n",
          o.rank(),
          ((StrategyPlan.Named) o.sweepCase().plan()).params(),
          BacktestSummary.number(o.score()),
          r == null ? "n/a" : BacktestSummary.percent(r.totalReturn()),
          r == null ? "n/a" : BacktestSummary.number(r.sharpe()),
          r == null ? "n/a" : BacktestSummary.percent(r.drawdown().maxDrawdown()),
          o.result().trades().size());
    }
    out.flush();
  }
}
