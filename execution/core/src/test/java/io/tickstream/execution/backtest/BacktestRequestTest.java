package io.tickstream.execution.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestRequestTest {
  static final Instant FROM = Instant.parse("2026-01-05T00:00:00Z");
  static final Instant TO = Instant.parse("2026-01-06T00:00:00Z");

  static BacktestRequest request(String strategy, Map<String, String> params, List<String> ids) {
    return new BacktestRequest(
        strategy,
        params,
        ids,
        "1m",
        FROM,
        TO,
        BacktestRequest.Source.BARS,
        BacktestRequest.DEFAULT_CASH,
        BigDecimal.ONE,
        BigDecimal.ONE,
        BacktestRequest.DEFAULT_FRACTION,
        100);
  }

  @Test
  void badRequestsFailNamingWhatIsWrong() {
    assertThatThrownBy(() -> request("nope", Map.of(), List.of("A.X")))
        .hasMessageStartingWith("unknown strategy 'nope'; known: [ma-crossover");
    assertThatThrownBy(
            () -> request("ma-crossover", Map.of("fast", "x", "slow", "5"), List.of("A.X")))
        .hasMessageContaining("fast");
    assertThatThrownBy(
            () -> request("ma-crossover", Map.of("fast", "9", "slow", "5"), List.of("A.X")))
        .hasMessageContaining("must be below 'slow'");
    assertThatThrownBy(() -> request("macd", Map.of(), List.of()))
        .hasMessage("at least one instrument is needed");
    assertThatThrownBy(() -> request("macd", Map.of(), List.of("A.X", "A.X")))
        .hasMessageContaining("must not repeat");
  }

  @Test
  void settingsRoundTripThroughTheirStoredForm() {
    BacktestRequest r = request("macd", Map.of("fast", "5"), List.of("A.X", "B.X"));

    BacktestRequest back =
        BacktestRequest.of(
            r.strategy(), r.params(), r.instruments(), r.spec(), FROM, TO, r.settings());

    assertThat(back).isEqualTo(r);
  }

  @Test
  void periodsPerYearFollowTheSpec() {
    assertThat(BacktestRequest.defaultPeriodsPerYear("1d")).isEqualTo(252);
    assertThat(BacktestRequest.defaultPeriodsPerYear("1h")).isEqualTo(365 * 24);
    assertThat(BacktestRequest.defaultPeriodsPerYear("1m")).isEqualTo(365 * 24 * 60);
  }
}
