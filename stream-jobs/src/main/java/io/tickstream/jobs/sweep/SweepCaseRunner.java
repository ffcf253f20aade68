package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.backtest.sweep.SweepOutcome;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;

/** Runs sweep cases by their index in {@link SweepJobConfig#cases}. */
final class SweepCaseRunner extends SweepTask<Integer, SweepRow> {
  private static final long serialVersionUID = 1L;

  private transient List<SweepCase> cases;

  SweepCaseRunner(SweepJobConfig config) {
    super(config);
  }

  @Override
  public void open(OpenContext context) throws IOException {
    super.open(context);
    cases = config.cases();
  }

  @Override
  public SweepRow map(Integer index) {
    SweepCase c = cases.get(index);
    SweepOutcome outcome = runCase(c);
    return SweepRow.of(index, c, outcome.score(), outcome.result());
  }
}
