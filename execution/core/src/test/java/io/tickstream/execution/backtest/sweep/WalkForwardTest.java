package io.tickstream.execution.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.HistoricalBars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

  private static final long DAY = 86_400_000_000_000L;

  @Test
  void choosesInSampleAndTradesOnlyOutOfSample() {
    HistoricalBars data = SweepFixture.data();
    List<StrategyPlan> candidates =
        ParameterGrid.of(
            "ma-crossover", Map.of(), Map.of("fast", List.of(3, 5), "slow", List.of(10, 20)));
    WalkForward.Windows windows = new WalkForward.Windows(120 * DAY, 60 * DAY, 60 * DAY);

    List<WalkForward.Fold> folds =
        WalkForward.run(
            SweepFixture.base(),
            data,
            SweepFixture.AAPL,
            candidates,
            windows,
            RankingMetric.TOTAL_RETURN,
            Runnable::run);

    // Bar ends span 363 days: in-sample windows end on day 120, 180, 240, 300 and 360.
    assertThat(folds).hasSize(5);
    for (WalkForward.Fold f : folds) {
      // The chosen plan is the in-sample winner ...
      List<SweepOutcome> in =
          ParameterSweep.run(
              SweepFixture.base(),
              data,
              ParameterSweep.cases(
                  candidates, java.util.Arrays.asList(SweepFixture.AAPL), List.of(f.inSample())),
              RankingMetric.TOTAL_RETURN,
              Runnable::run);
      assertThat(f.chosen()).isEqualTo(in.get(0).sweepCase().plan());
      // ... and trades only on bars after the in-sample window.
      long outStart = f.outOfSample().tradeFrom();
      assertThat(f.outOfSampleResult().fills()).allMatch(fill -> fill.tsEvent() > outStart);
      assertThat(f.outOfSampleResult().equityCurve())
          .allMatch(p -> p.tsEvent() >= outStart && p.tsEvent() < f.outOfSample().toEnd());
    }
    assertThat(WalkForward.outOfSampleReturn(folds)).isFinite();
    assertThat(
            WalkForward.run(
                SweepFixture.base(),
                data,
                SweepFixture.AAPL,
                candidates,
                windows,
                RankingMetric.TOTAL_RETURN,
                Runnable::run))
        .isEqualTo(folds);
  }
}
