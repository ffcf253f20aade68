package io.tickstream.signals.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.ensemble.Ensemble;
import io.tickstream.signals.testing.MarketData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reason texts are built only when read; these tests pin that the text is the one the strategies
 * built eagerly before, whenever it is read.
 *
 * <p>{@code reasons-eager.tsv} was recorded from the eager implementation (commit d3bc131, where
 * every {@code onBar} built its reason with string concatenation): per case, the SHA-256 of all
 * 1,000 reasons (each followed by a newline) and the full text of a few of them (the first bar, bar
 * 500 and the first direction changes). Here every reason is read only after the whole run, so a
 * reason that looked at the strategy's state when read instead of when decided (a stop reset by the
 * exit, an indicator that moved on) would differ.
 */
class ReasonTextTest {
  private static final List<Bar> BARS = MarketData.generated(1_000, 99).toBars("GEN.SIM", "1m");

  static Stream<Arguments> cases() {
    Map<String, Supplier<Strategy>> cases = new LinkedHashMap<>();
    for (String name : StrategyFactory.names()) {
      Map<String, Object> params = StrategyContractTest.params(name);
      cases.put(name, () -> StrategyFactory.create(name, params));
      Map<String, Object> longOnly = new LinkedHashMap<>(params);
      longOnly.put("allowShort", false);
      cases.put(name + " long-only", () -> StrategyFactory.create(name, longOnly));
    }
    cases.put(
        "ma-crossover ema",
        () -> StrategyFactory.create("ma-crossover", Map.of("fast", 5, "slow", 20, "type", "ema")));
    cases.put(
        "ensemble",
        () ->
            new Ensemble(
                "ensemble",
                List.of(
                    member("ma-crossover", Map.of("fast", 5, "slow", 20), 2),
                    member("rsi-mean-reversion", Map.of(), 1),
                    member("macd", Map.of(), 1)),
                0.3));
    cases.put(
        "vote3",
        () ->
            new Ensemble(
                "vote3",
                List.of(
                    member("ma-crossover", Map.of("fast", 10, "slow", 30), 1),
                    member("rsi-mean-reversion", Map.of("period", 14), 1),
                    member("bollinger-bands", Map.of("period", 20, "k", 2.0), 1)),
                0.3));
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static Ensemble.Member member(String name, Map<String, Object> params, double weight) {
    return new Ensemble.Member(StrategyFactory.create(name, params), weight);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reasonsReadLateAreTheEagerTexts(String name, Supplier<Strategy> factory) throws Exception {
    Strategy strategy = factory.get();
    List<Signal> signals = new ArrayList<>(BARS.size());
    for (Bar bar : BARS) {
      signals.add(strategy.onBar(bar));
    }
    MessageDigest sha = sha256();
    List<String> samples = new ArrayList<>();
    Object last = null;
    for (int i = 0; i < signals.size(); i++) {
      Signal s = signals.get(i);
      sha.update((s.reason() + "\n").getBytes(StandardCharsets.UTF_8));
      if ((i == 0 || i == 500 || s.direction() != last) && samples.size() < 8) {
        samples.add(i + "\t" + s.reason());
      }
      last = s.direction();
    }
    Recorded recorded = recorded().get(name);
    assertThat(recorded).as("recorded case " + name).isNotNull();
    assertThat(samples).containsExactlyElementsOf(recorded.samples());
    assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(recorded.sha256());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aReasonReadAtOnceEqualsOneReadLate(String name, Supplier<Strategy> factory) {
    Strategy early = factory.get();
    Strategy late = factory.get();
    List<String> atOnce = new ArrayList<>();
    List<Signal> kept = new ArrayList<>();
    for (Bar bar : BARS) {
      atOnce.add(early.onBar(bar).reason());
      kept.add(late.onBar(bar));
    }
    assertThat(kept).extracting(Signal::reason).containsExactlyElementsOf(atOnce);
  }

  private record Recorded(String sha256, List<String> samples) {}

  private static Map<String, Recorded> recorded;

  private static synchronized Map<String, Recorded> recorded() throws IOException {
    if (recorded == null) {
      Map<String, Recorded> out = new LinkedHashMap<>();
      String name = null;
      String sha = null;
      List<String> samples = new ArrayList<>();
      try (InputStream in =
          Objects.requireNonNull(ReasonTextTest.class.getResourceAsStream("/reasons-eager.tsv"))) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String[] f = line.split("\t", 2);
          switch (f[0]) {
            case "strategy" -> {
              if (name != null) {
                out.put(name, new Recorded(sha, samples));
              }
              name = f[1];
              samples = new ArrayList<>();
            }
            case "sha256" -> sha = f[1];
            case "bar" -> samples.add(f[1]);
            default -> throw new IllegalStateException("bad line: " + line);
          }
        }
      }
      out.put(name, new Recorded(sha, samples));
      recorded = out;
    }
    return recorded;
  }

  private static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }
}
