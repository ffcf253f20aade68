package io.tickstream.signals.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.ensemble.Ensemble;
import io.tickstream.signals.testing.MarketData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every strategy built by the factory (and an ensemble of them): no look-ahead, snapshot and
 * restore with identical continuation, determinism, and the bar-order contract.
 */
class StrategyContractTest {
  private static final List<Bar> BARS = MarketData.generated(1_000, 99).toBars("GEN.SIM", "1m");
  private static final List<Bar> OTHER_FUTURE =
      MarketData.generated(1_000, 100).toBars("GEN.SIM", "1m");

  static Stream<Arguments> strategies() {
    List<Arguments> out = new ArrayList<>();
    for (String name : StrategyFactory.names()) {
      Map<String, Object> params = params(name);
      out.add(Arguments.of(name, (Supplier<Strategy>) () -> StrategyFactory.create(name, params)));
    }
    out.add(Arguments.of("ensemble", (Supplier<Strategy>) StrategyContractTest::ensemble));
    return out.stream();
  }

  /** The parameters each strategy is tested with (defaults where they suit 1,000 1m bars). */
  static Map<String, Object> params(String name) {
    return switch (name) {
      case "ma-crossover" -> Map.of("fast", 5, "slow", 20);
      case "breakout", "volume-breakout" -> Map.of("period", 20);
      case "pivot-points" -> Map.of("session", "1h");
      default -> Map.of();
    };
  }

  static Strategy ensemble() {
    return new Ensemble(
        "ensemble",
        List.of(
            new Ensemble.Member(
                StrategyFactory.create("ma-crossover", Map.of("fast", 5, "slow", 20)), 2),
            new Ensemble.Member(StrategyFactory.create("rsi-mean-reversion", Map.of()), 1),
            new Ensemble.Member(StrategyFactory.create("macd", Map.of()), 1)),
        0.3);
  }

  private static List<Signal> run(Strategy s, List<Bar> bars) {
    List<Signal> out = new ArrayList<>(bars.size());
    bars.forEach(b -> out.add(s.onBar(b)));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void signalsAreValidAndNotAllFlat(String name, Supplier<Strategy> factory) {
    List<Signal> signals = run(factory.get(), BARS);
    assertThat(signals).allSatisfy(s -> assertThat(s.strength()).isBetween(0.0, 1.0));
    assertThat(signals).anyMatch(s -> s.direction() != Direction.FLAT);
    assertThat(signals)
        .extracting(Signal::barEnd)
        .containsExactlyElementsOf(BARS.stream().map(Bar::end).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void neverLooksAhead(String name, Supplier<Strategy> factory) {
    List<Signal> full = run(factory.get(), BARS);
    for (int prefix : new int[] {1, 25, 60, 400, 777}) {
      // The same prefix followed by a different future: the prefix's signals must not move.
      List<Bar> altered = new ArrayList<>(BARS.subList(0, prefix));
      altered.addAll(OTHER_FUTURE.subList(prefix, OTHER_FUTURE.size()));
      List<Signal> onPrefix = run(factory.get(), BARS.subList(0, prefix));
      List<Signal> onAltered = run(factory.get(), altered);
      assertThat(onPrefix).isEqualTo(full.subList(0, prefix));
      assertThat(onAltered.subList(0, prefix)).isEqualTo(full.subList(0, prefix));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void restoredSnapshotContinuesIdentically(String name, Supplier<Strategy> factory) {
    List<Signal> full = run(factory.get(), BARS);
    for (int cut : new int[] {0, 1, 21, 35, 500, 999}) {
      Strategy first = factory.get();
      run(first, BARS.subList(0, cut));
      Record state = first.snapshot();
      run(first, BARS.subList(cut, Math.min(cut + 30, BARS.size()))); // must not leak into state
      Strategy restored = factory.get();
      restored.restore(state);
      assertThat(run(restored, BARS.subList(cut, BARS.size())))
          .isEqualTo(full.subList(cut, BARS.size()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void sameInputsGiveBitIdenticalSignals(String name, Supplier<Strategy> factory) {
    // Signal is a record: equals compares doubles bit for bit (Double.compare).
    assertThat(run(factory.get(), BARS)).isEqualTo(run(factory.get(), BARS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void refusesRevisionsAndOutOfOrderBars(String name, Supplier<Strategy> factory) {
    Strategy s = factory.get();
    s.onBar(BARS.get(0));
    s.onBar(BARS.get(1));
    assertThatThrownBy(() -> s.onBar(BARS.get(1).withRevision(1))).hasMessageContaining("revision");
    assertThatThrownBy(() -> s.onBar(BARS.get(0))).hasMessageContaining("before the end");
  }
}
