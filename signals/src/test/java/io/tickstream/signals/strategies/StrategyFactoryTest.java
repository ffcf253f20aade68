package io.tickstream.signals.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyFactoryTest {

  @Test
  void buildsEveryFamilyByName() {
    assertThat(StrategyFactory.names())
        .containsExactly(
            "ma-crossover",
            "rsi-mean-reversion",
            "macd",
            "bollinger-bands",
            "turtle",
            "four-week-rule",
            "support-resistance",
            "pivot-points",
            "breakout",
            "volume-breakout");
    assertThat(StrategyFactory.create("turtle", Map.of("entry", 55, "exit", 20)))
        .isInstanceOf(TurtleBreakout.class);
    assertThat(
            StrategyFactory.create(
                    "ma-crossover",
                    Map.of("fast", "5", "slow", "20", "type", "EMA", "id", "mac-5-20"))
                .id())
        .isEqualTo("mac-5-20");
  }

  @Test
  void unknownStrategyListsTheKnownOnes() {
    assertThatThrownBy(() -> StrategyFactory.create("moon-phase", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown strategy 'moon-phase'; known: [ma-crossover,");
  }

  @Test
  void missingRequiredParameterSaysWhichAndWhatItIs() {
    assertThatThrownBy(() -> StrategyFactory.create("breakout", Map.of()))
        .hasMessage(
            "strategy 'breakout': missing required parameter 'period' (an integer in [2, 1000]: channel in bars)");
  }

  @Test
  void outOfRangeParameterSaysTheRange() {
    assertThatThrownBy(() -> StrategyFactory.create("rsi-mean-reversion", Map.of("period", 1)))
        .hasMessage(
            "strategy 'rsi-mean-reversion': parameter 'period' (an integer in [2, 1000]: RSI period) = 1 is out of range");
  }

  @Test
  void malformedValuesAreNamed() {
    assertThatThrownBy(() -> StrategyFactory.create("turtle", Map.of("entry", 20.5)))
        .hasMessageContaining("'entry'")
        .hasMessageContaining("= 20.5 is not an integer");
    assertThatThrownBy(() -> StrategyFactory.create("bollinger-bands", Map.of("k", "wide")))
        .hasMessageContaining("'k'")
        .hasMessageContaining("'wide' is not a number");
    assertThatThrownBy(() -> StrategyFactory.create("macd", Map.of("allowShort", "maybe")))
        .hasMessageContaining("'allowShort'")
        .hasMessageContaining("is not true or false");
  }

  @Test
  void unknownParameterIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> StrategyFactory.create("four-week-rule", Map.of("weeks", 4)))
        .hasMessage(
            "strategy 'four-week-rule': unknown parameter(s) [weeks]; known: [period, id, allowShort]");
  }

  @Test
  void inconsistentCombinationsExplainTheRule() {
    assertThatThrownBy(() -> StrategyFactory.create("ma-crossover", Map.of("fast", 20, "slow", 10)))
        .hasMessageContaining("'fast' (20) must be below 'slow' (10)");
    assertThatThrownBy(() -> StrategyFactory.create("turtle", Map.of("entry", 10, "exit", 10)))
        .hasMessageContaining("'exit' (10) must be below 'entry' (10)");
    assertThatThrownBy(() -> StrategyFactory.create("rsi-mean-reversion", Map.of("oversold", 60)))
        .hasMessageContaining("oversold < exit < overbought");
    assertThatThrownBy(() -> StrategyFactory.create("pivot-points", Map.of("session", "1w")))
        .hasMessageContaining("parameter 'session'");
  }

  @Test
  void restoreRefusesAnotherConfiguration() {
    Strategy a = StrategyFactory.create("four-week-rule", Map.of("period", 20));
    Strategy b = StrategyFactory.create("four-week-rule", Map.of("period", 30));
    assertThatThrownBy(() -> b.restore(a.snapshot()))
        .hasMessageContaining("cannot restore state of four-week-rule(period=20");
    Strategy macd = StrategyFactory.create("macd", Map.of());
    assertThatThrownBy(() -> macd.restore(a.snapshot()))
        .hasMessageContaining("expected a State state");
  }
}
