package io.tickstream.signals.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.testing.MarketData;
import io.tickstream.signals.testing.OhlcvSeries;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshot mid-stream, restore into a fresh instance, continue: every output must be bit-identical
 * to the uninterrupted run, at cut points before, at and after warm-up and across the periodic
 * recomputations.
 */
class IndicatorSnapshotTest {
  private static final OhlcvSeries SERIES = MarketData.generated(3_000, 11);

  /** An indicator with a way to feed bar i and read all of its outputs. */
  record Case<S extends Record, I extends Indicator<S>>(
      String name, Supplier<I> factory, Feed<I> feed, Function<I, double[]> outputs) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Feed<I> {
    void accept(I indicator, OhlcvSeries s, int i);
  }

  static <S extends Record, I extends ValueIndicator<S>> Case<S, I> closes(
      String name, Supplier<I> f, Function<I, double[]> out) {
    return new Case<>(name, f, (ind, s, i) -> ind.update(s.close()[i]), out);
  }

  static <S extends Record, I extends BarIndicator<S>> Case<S, I> bars(
      String name, Supplier<I> f, Function<I, double[]> out) {
    return new Case<>(
        name,
        f,
        (ind, s, i) -> ind.update(s.high()[i], s.low()[i], s.close()[i], s.volume()[i]),
        out);
  }

  static List<Case<?, ?>> cases() {
    long hour = TimeUnit.HOURS.toNanos(1);
    return List.of(
        closes("SMA", () -> new Sma(20), i -> new double[] {i.value()}),
        closes("EMA", () -> new Ema(20), i -> new double[] {i.value()}),
        closes("WMA", () -> new Wma(20), i -> new double[] {i.value()}),
        closes("RSI", () -> new Rsi(14), i -> new double[] {i.value()}),
        closes("MACD", Macd::new, i -> new double[] {i.value(), i.signal(), i.histogram()}),
        closes(
            "BollingerBands",
            () -> new BollingerBands(20, 2),
            i -> new double[] {i.value(), i.upper(), i.lower()}),
        bars("ATR", () -> new Atr(14), i -> new double[] {i.value(), i.trueRange()}),
        bars("RollingVwap", () -> new RollingVwap(20), i -> new double[] {i.value()}),
        new Case<>(
            "SessionVwap",
            () -> new SessionVwap(hour, 0),
            (ind, s, i) ->
                ind.update(s.start()[i], s.high()[i], s.low()[i], s.close()[i], s.volume()[i]),
            i -> new double[] {i.value()}),
        bars(
            "Donchian",
            () -> new Donchian(20),
            i -> new double[] {i.upper(), i.lower(), i.value()}),
        bars("Stochastic", Stochastic::new, i -> new double[] {i.value(), i.d()}),
        bars("OBV", Obv::new, i -> new double[] {i.value()}),
        closes(
            "LogReturnVolatility",
            () -> new LogReturnVolatility(20),
            i -> new double[] {i.value()}),
        closes("ZScore", () -> new ZScore(20), i -> new double[] {i.value()}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  <S extends Record, I extends Indicator<S>> void restoredContinuesBitIdentically(Case<S, I> c) {
    I uninterrupted = c.factory().get();
    double[][] expected = new double[SERIES.size()][];
    for (int i = 0; i < SERIES.size(); i++) {
      c.feed().accept(uninterrupted, SERIES, i);
      expected[i] = c.outputs().apply(uninterrupted);
    }
    for (int cut : new int[] {0, 1, 5, 19, 20, 21, 33, 137, 1_000, 2_999}) {
      I first = c.factory().get();
      for (int i = 0; i < cut; i++) {
        c.feed().accept(first, SERIES, i);
      }
      S state = first.snapshot();
      // Keep feeding the original: a snapshot must not share mutable state with it.
      for (int i = cut; i < Math.min(cut + 50, SERIES.size()); i++) {
        c.feed().accept(first, SERIES, i);
      }
      I restored = c.factory().get();
      restored.restore(state);
      for (int i = cut; i < SERIES.size(); i++) {
        c.feed().accept(restored, SERIES, i);
        assertThat(bits(c.outputs().apply(restored)))
            .as("%s restored at %d, output at %d", c, cut, i)
            .containsExactly(bits(expected[i]));
        assertThat(restored.isReady()).isEqualTo(i + 1 >= restored.warmUp());
      }
    }
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }
}
