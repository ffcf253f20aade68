package io.tickstream.jobs.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A parameter sweep as a Flink batch job: the cases of a grid (strategy parameters x instruments x
 * periods) are spread over the task slots, each runs the engine's own backtest ({@link
 * SweepCaseRunner}: the same {@code SweepCase -> Backtest} code as a local {@code ParameterSweep}),
 * and one ranking step ({@link SweepRanking}) sorts them by the chosen metric into a CSV file
 * ({@link CsvFileSink}). With {@code --walk-forward in/out/step} it runs a walk-forward instead:
 * the candidates of every fold's in-sample window in parallel, the best per fold, and its
 * out-of-sample run (the engine's {@code WalkForward}, distributed).
 *
 * <pre>
 * flink run -c io.tickstream.jobs.sweep.SweepJob stream-jobs-0.1.0-SNAPSHOT-job.jar \
 *   --csv bars.csv --instrument AAPL.XNAS --spec 1d --strategy ma-crossover \
 *   --grid 'fast=5,10,20;slow=30,50' --metric sharpe --out ranked.csv
 * </pre>
 */
public final class SweepJob {
  /** The job name in the Flink dashboard. */
  public static final String JOB_NAME = "tickstream-sweep";

  private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

  private SweepJob() {}

  /**
   * Adds the sweep to {@code env} in batch mode (does not execute): case indices, the backtests,
   * the ranking and the CSV sink.
   */
  public static void define(StreamExecutionEnvironment env, SweepJobConfig config) {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    if (config.parallelism() > 0) {
      env.setParallelism(config.parallelism());
    }
    if (config.walkForward() != null) {
      defineWalkForward(env, config);
      return;
    }
    DataStream<SweepRow> rows =
        env.fromData(indices(config.cases().size()))
            .name("sweep cases")
            .rebalance()
            .map(new SweepCaseRunner(config))
            .name("backtests");
    rows.global()
        .fullWindowPartition()
        .mapPartition(new SweepRanking())
        .name("rank by " + config.metric())
        .setParallelism(1)
        .sinkTo(new CsvFileSink<>(config.out(), SweepRow.CSV_HEADER, SweepRow::csvLine))
        .name("ranked csv")
        .setParallelism(1);
  }

  /**
   * Walk-forward: every (instrument, fold, candidate) in-sample run in parallel, the best candidate
   * per fold ({@link WalkForwardRow#better}, the engine's ranking), its out-of-sample run, and one
   * row per fold in the CSV. The client reads the bar file once to lay out the folds.
   */
  private static void defineWalkForward(StreamExecutionEnvironment env, SweepJobConfig config) {
    WalkForwardFolds folds;
    try {
      folds = new WalkForwardFolds(config, SweepTask.load(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config.csv(), e);
    }
    if (folds.folds().isEmpty()) {
      throw new IllegalArgumentException(
          "--walk-forward: no fold fits, the in-sample window is longer than the data in "
              + config.csv());
    }
    env.fromData(indices(folds.runs().size()))
        .name("in-sample runs")
        .rebalance()
        .map(new WalkForwardRunners.InSample(config))
        .name("in-sample backtests")
        .keyBy(WalkForwardRow::foldKey)
        .reduce(WalkForwardRow::better)
        .name("best candidate per fold")
        .rebalance()
        .map(new WalkForwardRunners.OutOfSample(config))
        .name("out-of-sample backtests")
        .global()
        .fullWindowPartition()
        .mapPartition(new WalkForwardRunners.InFoldOrder())
        .name("folds in order")
        .setParallelism(1)
        .sinkTo(new CsvFileSink<>(config.out(), WalkForwardRow.CSV_HEADER, WalkForwardRow::csvLine))
        .name("walk-forward csv")
        .setParallelism(1);
  }

  private static List<Integer> indices(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  /** Parses the options (see {@link SweepJobOptions#usage}) and runs the sweep. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || Arrays.asList(args).contains("--help")) {
      System.out.println(SweepJobOptions.usage());
      return;
    }
    SweepJobConfig config;
    try {
      config = SweepJobOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sweep: " + e.getMessage());
      throw e;
    }
    LOG.info(
        "{} of {} candidates -> {}",
        config.walkForward() == null ? "sweep" : "walk-forward",
        config.plans().size(),
        config.out());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, config);
    env.execute(JOB_NAME);
  }
}
