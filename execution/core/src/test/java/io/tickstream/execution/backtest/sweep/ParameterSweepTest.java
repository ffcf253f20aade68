package io.tickstream.execution.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.HistoricalBars;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParameterSweepTest {

  private static final long DAY = 86_400_000_000_000L;
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void gridLeavesOutCombinationsTheStrategyRefuses() {
    List<StrategyPlan> plans =
        ParameterGrid.of(
            "ma-crossover",
            Map.of("type", "sma"),
            Map.of("fast", List.of(5, 20), "slow", List.of(10, 20)));
    assertThat(plans)
        .containsExactly(
            StrategyPlan.named("ma-crossover", Map.of("fast", 5, "slow", 10, "type", "sma")),
            StrategyPlan.named("ma-crossover", Map.of("fast", 5, "slow", 20, "type", "sma")));
  }

  @Test
  void rankingIsTheSameForAnyParallelism() {
    HistoricalBars data = SweepFixture.data();
    List<StrategyPlan> plans =
        ParameterGrid.of(
            "ma-crossover",
            Map.of(),
            Map.of("fast", List.of(3, 5, 10), "slow", List.of(15, 20, 30)));
    long mid = data.firstEnd() + 180 * DAY;
    List<SweepCase> cases =
        ParameterSweep.cases(
            plans,
            Arrays.asList(SweepFixture.AAPL, SweepFixture.ALT, null),
            List.of(
                SweepCase.Period.ALL,
                new SweepCase.Period("H2", data.firstEnd(), mid, Long.MAX_VALUE)));
    assertThat(cases).hasSize(9 * 3 * 2);

    List<SweepOutcome> sequential =
        ParameterSweep.run(SweepFixture.base(), data, cases, RankingMetric.SHARPE, Runnable::run);
    List<SweepOutcome> parallel =
        ParameterSweep.run(SweepFixture.base(), data, cases, RankingMetric.SHARPE, pool);

    assertThat(parallel).isEqualTo(sequential);
    assertThat(sequential).extracting(SweepOutcome::rank).startsWith(1, 2, 3);
    for (int i = 1; i < sequential.size(); i++) {
      double previous = sequential.get(i - 1).score();
      double score = sequential.get(i).score();
      assertThat(Double.isNaN(score) || previous >= score).isTrue();
    }
    // Single-instrument cases trade only their instrument; the benchmark gives alpha and beta.
    SweepOutcome alt =
        sequential.stream()
            .filter(o -> SweepFixture.ALT.equals(o.sweepCase().instrumentId()))
            .filter(o -> o.result().fills().size() > 0)
            .findFirst()
            .orElseThrow();
    assertThat(alt.result().fills()).allMatch(f -> f.instrumentId().equals(SweepFixture.ALT));
    assertThat(alt.result().report().benchmark()).isNotNull();
  }
}
