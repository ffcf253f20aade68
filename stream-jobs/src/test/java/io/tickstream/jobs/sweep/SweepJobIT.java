package io.tickstream.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.StrategyPlan.Named;
import io.tickstream.execution.backtest.source.CsvBarSource;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.sweep.ParameterGrid;
import io.tickstream.execution.backtest.sweep.ParameterSweep;
import io.tickstream.execution.backtest.sweep.RankingMetric;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.backtest.sweep.SweepOutcome;
import io.tickstream.execution.backtest.sweep.WalkForward;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep job on a MiniCluster (parallelism 2) against the local engine: the same grid over the
 * same CSV file gives the same ranking, scores and exact final equities as {@code
 * ParameterSweep.run} on a thread pool, and the same folds, choices and out-of-sample results as
 * {@code WalkForward.run}.
 */
class SweepJobIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final List<String> INSTRUMENTS = List.of("AAA.XNAS", "BBB.XNAS");

  @TempDir Path dir;

  @Test
  void rankedResultsEqualTheLocalSweep() throws Exception {
    Path csv = dir.resolve("bars.csv");
    writeRandomWalk(csv, 500, 42);
    Path out = dir.resolve("ranked.csv");
    SweepJobConfig config =
        SweepJobOptions.parse(
            "--csv", csv.toString(),
            "--spec", "1d",
            "--instruments", String.join(",", INSTRUMENTS),
            "--strategy", "ma-crossover",
            "--grid", "fast=3,5,8;slow=10,20,30",
            "--params", "type=ema",
            "--periods", "first=2020-01-01/2020-09-01;second=2020-06-01/2020-09-01/2021-06-01",
            "--metric", "sharpe",
            "--sizing", "fraction:0.5",
            "--slippage-bps", "5",
            "--commission-bps", "1",
            "--tick-size", "0.01",
            "--lot-size", "1",
            "--out", out.toString(),
            "--parallelism", "2");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    SweepJob.define(env, config);
    env.execute("sweep-it");

    List<SweepOutcome> local = localSweep(csv, config);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo(SweepRow.CSV_HEADER);
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    assertThat(rows).hasSize(local.size()).hasSize(9 * 2 * 2);
    for (int i = 0; i < local.size(); i++) {
      SweepOutcome expected = local.get(i);
      String[] row = rows.get(i);
      Named plan = (Named) expected.sweepCase().plan();
      assertThat(row[0]).as("rank").isEqualTo(String.valueOf(expected.rank()));
      assertThat(row[3]).as("params of rank %d", expected.rank()).isEqualTo(params(plan));
      assertThat(row[4]).as("instrument").isEqualTo(expected.sweepCase().instrumentId());
      assertThat(row[5]).as("period").isEqualTo(expected.sweepCase().period().label());
      assertThat(Double.parseDouble(row[6])).as("score").isEqualTo(expected.score());
      assertThat(new BigDecimal(row[7]))
          .as("final equity of rank %d", expected.rank())
          .isEqualTo(expected.result().finalEquity());
      assertThat(Integer.parseInt(row[11])).isEqualTo(expected.result().trades().size());
      assertThat(Integer.parseInt(row[12])).isEqualTo(expected.result().fills().size());
    }
    // The sweep is not degenerate: cases traded and their scores differ.
    assertThat(local.get(0).result().fills()).isNotEmpty();
    assertThat(local.get(0).score()).isGreaterThan(local.get(local.size() - 1).score());
  }

  @Test
  void walkForwardFoldsEqualTheLocalWalkForward() throws Exception {
    Path csv = dir.resolve("bars.csv");
    writeRandomWalk(csv, 500, 7);
    Path out = dir.resolve("folds.csv");
    SweepJobConfig config =
        SweepJobOptions.parse(
            "--csv", csv.toString(),
            "--spec", "1d",
            "--instruments", String.join(",", INSTRUMENTS),
            "--strategy", "ma-crossover",
            "--grid", "fast=3,5,8;slow=10,20,30",
            "--params", "type=ema",
            "--walk-forward", "120d/60d/60d",
            "--metric", "sharpe",
            "--slippage-bps", "5",
            "--commission-bps", "1",
            "--out", out.toString(),
            "--parallelism", "2");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    SweepJob.define(env, config);
    env.execute("walk-forward-it");

    HistoricalBars bars = HistoricalBars.load(CsvBarSource.open(csv, null, "1d"));
    List<String[]> rows = Files.readAllLines(out).stream().skip(1).map(l -> l.split(",")).toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int row = 0;
      for (String instrument : INSTRUMENTS) {
        List<WalkForward.Fold> folds =
            WalkForward.run(
                config.baseConfig(),
                bars,
                instrument,
                plans(),
                new WalkForward.Windows(days(120), days(60), days(60)),
                RankingMetric.SHARPE,
                pool);
        assertThat(folds).hasSizeGreaterThan(3);
        for (WalkForward.Fold f : folds) {
          String[] r = rows.get(row++);
          assertThat(r[0]).isEqualTo(instrument);
          assertThat(r[2]).as("chosen in %s", f.inSample().label()).isEqualTo(params(f.chosen()));
          assertThat(Double.parseDouble(r[3])).isEqualTo(f.inSampleScore());
          assertThat(new BigDecimal(r[4]))
              .as("out-of-sample equity of %s %s", instrument, f.outOfSample().label())
              .isEqualTo(f.outOfSampleResult().finalEquity());
          assertThat(Integer.parseInt(r[6])).isEqualTo(f.outOfSampleResult().fills().size());
        }
      }
      assertThat(rows).hasSize(row);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<StrategyPlan> plans() {
    return ParameterGrid.of(
        "ma-crossover",
        Map.of("type", "ema"),
        Map.of("fast", List.of("3", "5", "8"), "slow", List.of("10", "20", "30")));
  }

  private static String params(StrategyPlan plan) {
    return ((Named) plan)
        .params().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
  }

  private static long days(int n) {
    return n * 86_400L * 1_000_000_000L;
  }

  /** The reference: the engine's local sweep, built from the engine's own API. */
  private static List<SweepOutcome> localSweep(Path csv, SweepJobConfig config) {
    HistoricalBars bars = HistoricalBars.load(CsvBarSource.open(csv, null, "1d"));
    List<StrategyPlan> plans = plans();
    List<SweepCase.Period> periods =
        List.of(
            new SweepCase.Period("first", day("2020-01-01"), day("2020-01-01"), day("2020-09-01")),
            new SweepCase.Period(
                "second", day("2020-06-01"), day("2020-09-01"), day("2021-06-01")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      return ParameterSweep.run(
          config.baseConfig(),
          bars,
          ParameterSweep.cases(plans, INSTRUMENTS, periods),
          RankingMetric.SHARPE,
          pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long day(String date) {
    return LocalDate.parse(date).toEpochDay() * 86_400L * 1_000_000_000L;
  }

  /** Daily bars of two random walks from 2020-01-01, in source order (date, then instrument). */
  static void writeRandomWalk(Path file, int days, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    double[] price = {100, 40};
    List<String> lines = new ArrayList<>();
    lines.add("instrument,date,open,high,low,close,volume");
    LocalDate start = LocalDate.parse("2020-01-01");
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < INSTRUMENTS.size(); i++) {
        double open = price[i] * (1 + random.nextGaussian() * 0.004);
        double close = open * (1 + random.nextGaussian() * 0.02 + 0.0003);
        double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
        double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
        price[i] = close;
        lines.add(
            String.join(
                ",",
                INSTRUMENTS.get(i),
                start.plusDays(d).toString(),
                money(open),
                money(high),
                money(low),
                money(close),
                String.valueOf(100_000 + random.nextInt(900_000))));
      }
    }
    Files.write(file, lines);
  }

  private static String money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
