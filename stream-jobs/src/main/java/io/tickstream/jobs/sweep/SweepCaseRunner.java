package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.BacktestConfig;
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
 * Runs sweep cases by index. Each parallel instance reads the bar file once (with the engine's own
 * {@link CsvBarSource}, through Flink's file systems, so {@code s3://} or {@code hdfs://} work as
 * well as local paths) and rebuilds the case list from the config; a case then runs through {@link
 * ParameterSweep#run} exactly as a local sweep runs it, one case on the calling thread.
 */
final class SweepCaseRunner extends RichMapFunction<Integer, SweepRow> {
  private static final long serialVersionUID = 1L;

  private final SweepJobConfig config;
  private transient BacktestConfig base;
  private transient List<SweepCase> cases;
  private transient HistoricalBars bars;

  SweepCaseRunner(SweepJobConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) throws IOException {
    base = config.baseConfig();
    cases = config.cases();
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

  @Override
  public SweepRow map(Integer index) {
    SweepCase c = cases.get(index);
    SweepOutcome outcome =
        ParameterSweep.run(base, bars, List.of(c), config.metric(), Runnable::run).get(0);
    return SweepRow.of(index, c, outcome.score(), outcome.result());
  }
}
