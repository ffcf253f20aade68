package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.CsvBarSource;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.sweep.ParameterSweep;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.backtest.sweep.SweepOutcome;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A sweep operator's shared set-up: each parallel instance reads the bar file once (with the
 * engine's own {@link CsvBarSource}, through Flink's file systems, so {@code s3://} or {@code
 * hdfs://} work as well as local paths) and rebuilds the base config from the job's config. A case
 * then runs through {@link ParameterSweep#run} exactly as a local sweep runs it, one case on the
 * calling thread ({@link #runCase}).
 */
abstract class SweepTask<I, O> extends RichMapFunction<I, O> {
  private static final long serialVersionUID = 1L;

  protected final SweepJobConfig config;
  protected transient BacktestConfig base;
  protected transient HistoricalBars bars;

  SweepTask(SweepJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) throws IOException {
    base = config.baseConfig();
    bars = load(config);
  }

  /** Every bar of the config's file, in source order. */
  static HistoricalBars load(SweepJobConfig config) throws IOException {
    Path path = new Path(config.csv());
    FileSystem fs = path.getFileSystem();
    return HistoricalBars.load(
        new CsvBarSource(
            new InputStreamReader(fs.open(path), StandardCharsets.UTF_8),
            config.csv(),
            config.defaultInstrument(),
            config.defaultSpec()));
  }

  /** One case, as the engine's sweep runs it. */
  protected SweepOutcome runCase(SweepCase c) {
    return ParameterSweep.run(base, bars, List.of(c), config.metric(), Runnable::run).get(0);
  }

  /** One case's backtest result. */
  protected BacktestResult resultOf(SweepCase c) {
    return runCase(c).result();
  }
}
