package io.tickstream.jobs.sweep;

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
 * ({@link RankedCsvSink}).
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
    int count = config.cases().size();
    List<Integer> indices = IntStream.range(0, count).boxed().toList();
    DataStream<SweepRow> rows =
        env.fromData(indices)
            .name("sweep cases")
            .rebalance()
            .map(new SweepCaseRunner(config))
            .name("backtests");
    rows.global()
        .fullWindowPartition()
        .mapPartition(new SweepRanking())
        .name("rank by " + config.metric())
        .setParallelism(1)
        .sinkTo(new RankedCsvSink(config.out()))
        .name("ranked csv")
        .setParallelism(1);
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
    LOG.info("sweep of {} cases -> {}", config.cases().size(), config.out());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, config);
    env.execute(JOB_NAME);
  }
}
