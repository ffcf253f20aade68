package io.tickstream.signals.strategies;

import static io.tickstream.signals.strategies.ParamSpec.bool;
import static io.tickstream.signals.strategies.ParamSpec.decimal;
import static io.tickstream.signals.strategies.ParamSpec.integer;
import static io.tickstream.signals.strategies.ParamSpec.text;

import io.tickstream.signals.bars.TimeBarSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a strategy from its name and a parameter map (values as numbers, booleans or strings),
 * validating every parameter: an unknown name, an unknown, missing, malformed or out-of-range
 * parameter, or an inconsistent combination fails with an {@link IllegalArgumentException} that
 * says which and why. Every strategy takes an optional {@code id} (default: its name) and {@code
 * allowShort}.
 */
public final class StrategyFactory {
  private record Entry(List<ParamSpec> params, Function<StrategyParams, Strategy> build) {}

  private static final Map<String, Entry> STRATEGIES = new LinkedHashMap<>();

  static {
    register(
        "ma-crossover",
        List.of(
            integer("fast", 1, 10_000, null, "fast average length in bars"),
            integer("slow", 2, 10_000, null, "slow average length in bars, above fast"),
            text("type", "sma", "sma or ema")),
        p -> {
          String type = p.text("type").toLowerCase(java.util.Locale.ROOT);
          if (!type.equals("sma") && !type.equals("ema")) {
            throw p.error("parameter 'type' = '" + type + "' must be sma or ema");
          }
          if (p.integer("fast") >= p.integer("slow")) {
            throw p.error(
                "'fast' ("
                    + p.integer("fast")
                    + ") must be below 'slow' ("
                    + p.integer("slow")
                    + "): the fast average has to react quicker");
          }
          return new MovingAverageCrossover(
              p.text("id"),
              p.integer("fast"),
              p.integer("slow"),
              type.equals("ema"),
              p.bool("allowShort"));
        });
    register(
        "rsi-mean-reversion",
        List.of(
            integer("period", 2, 1_000, 14, "RSI period"),
            decimal("oversold", 0, 100, 30.0, "RSI level below which to buy"),
            decimal("overbought", 0, 100, 70.0, "RSI level above which to sell short"),
            decimal("exit", 0, 100, 50.0, "RSI level at which to close")),
        p -> {
          if (!(p.decimal("oversold") < p.decimal("exit")
              && p.decimal("exit") < p.decimal("overbought"))) {
            throw p.error(
                "levels must satisfy oversold < exit < overbought, got "
                    + p.decimal("oversold")
                    + " / "
                    + p.decimal("exit")
                    + " / "
                    + p.decimal("overbought"));
          }
          return new RsiMeanReversion(
              p.text("id"),
              p.integer("period"),
              p.decimal("oversold"),
              p.decimal("overbought"),
              p.decimal("exit"),
              p.bool("allowShort"));
        });
    register(
        "macd",
        List.of(
            integer("fast", 1, 1_000, 12, "fast EMA period"),
            integer("slow", 2, 1_000, 26, "slow EMA period, above fast"),
            integer("signal", 1, 1_000, 9, "signal EMA period")),
        p -> {
          if (p.integer("fast") >= p.integer("slow")) {
            throw p.error(
                "'fast' ("
                    + p.integer("fast")
                    + ") must be below 'slow' ("
                    + p.integer("slow")
                    + ")");
          }
          return new MacdCrossover(
              p.text("id"),
              p.integer("fast"),
              p.integer("slow"),
              p.integer("signal"),
              p.bool("allowShort"));
        });
    register(
        "bollinger-bands",
        List.of(
            integer("period", 2, 10_000, 20, "window of the mean and σ"),
            decimal("k", 0.1, 10, 2.0, "band width in standard deviations")),
        p ->
            new BollingerReversion(
                p.text("id"), p.integer("period"), p.decimal("k"), p.bool("allowShort")));
    register(
        "turtle",
        List.of(
            integer("entry", 2, 1_000, 20, "entry channel in bars (20 System 1, 55 System 2)"),
            integer("exit", 1, 1_000, 10, "exit channel in bars, below entry"),
            integer("atr", 1, 1_000, 20, "ATR (N) period"),
            decimal("stopAtr", 0.1, 20, 2.0, "stop distance in N")),
        p -> {
          if (p.integer("exit") >= p.integer("entry")) {
            throw p.error(
                "'exit' ("
                    + p.integer("exit")
                    + ") must be below 'entry' ("
                    + p.integer("entry")
                    + "): the exit channel is the shorter one");
          }
          return new TurtleBreakout(
              p.text("id"),
              p.integer("entry"),
              p.integer("exit"),
              p.integer("atr"),
              p.decimal("stopAtr"),
              p.bool("allowShort"));
        });
    register(
        "four-week-rule",
        List.of(integer("period", 2, 1_000, 20, "channel in bars (20 daily bars = four weeks)")),
        p -> new FourWeekRule(p.text("id"), p.integer("period"), p.bool("allowShort")));
    register(
        "support-resistance",
        List.of(
            integer("lookback", 2, 1_000, 20, "bars that define support and resistance"),
            decimal(
                "tolerance",
                0,
                0.2,
                0.01,
                "how near a level counts as touching it, as a fraction")),
        p ->
            new SupportResistance(
                p.text("id"), p.integer("lookback"), p.decimal("tolerance"), p.bool("allowShort")));
    register(
        "pivot-points",
        List.of(text("session", "1d", "session length whose pivots apply to the next, e.g. 1d")),
        p -> {
          TimeBarSpec session;
          try {
            session = TimeBarSpec.parse(p.text("session"));
          } catch (IllegalArgumentException e) {
            throw p.error("parameter 'session': " + e.getMessage());
          }
          return new PivotPoints(p.text("id"), session, p.bool("allowShort"));
        });
    register(
        "breakout",
        List.of(
            integer("period", 2, 1_000, null, "channel in bars"),
            integer("atr", 1, 1_000, 14, "ATR period"),
            decimal("buffer", 0, 10, 0.5, "how far past the channel, in ATRs")),
        p ->
            new Breakout(
                p.text("id"),
                p.integer("period"),
                p.integer("atr"),
                p.decimal("buffer"),
                p.bool("allowShort")));
    register(
        "volume-breakout",
        List.of(
            integer("period", 2, 1_000, null, "channel and average volume in bars"),
            decimal("volumeMultiple", 1, 100, 2.0, "volume needed, in average volumes")),
        p ->
            new VolumeBreakout(
                p.text("id"),
                p.integer("period"),
                p.decimal("volumeMultiple"),
                p.bool("allowShort")));
  }

  private StrategyFactory() {}

  private static void register(
      String name, List<ParamSpec> own, Function<StrategyParams, Strategy> build) {
    List<ParamSpec> all = new ArrayList<>(own);
    all.add(text("id", name, "strategy id on the signals"));
    all.add(bool("allowShort", true, "whether SHORT signals are emitted (else FLAT)"));
    STRATEGIES.put(name, new Entry(List.copyOf(all), build));
  }

  /** The strategy names, in registration order. */
  public static List<String> names() {
    return List.copyOf(STRATEGIES.keySet());
  }

  /** The parameters a strategy takes. */
  public static List<ParamSpec> parameters(String name) {
    return entry(name).params();
  }

  /**
   * Builds strategy {@code name} with {@code params}.
   *
   * @throws IllegalArgumentException naming the strategy or parameter at fault and why
   */
  public static Strategy create(String name, Map<String, ?> params) {
    Entry e = entry(name);
    return e.build()
        .apply(new StrategyParams(name, e.params(), params == null ? Map.of() : params));
  }

  private static Entry entry(String name) {
    Entry e = STRATEGIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + names());
    }
    return e;
  }
}
