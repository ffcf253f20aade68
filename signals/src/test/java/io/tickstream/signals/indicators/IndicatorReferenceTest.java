package io.tickstream.signals.indicators;

import static io.tickstream.signals.indicators.ReferenceCase.onBars;
import static io.tickstream.signals.indicators.ReferenceCase.onClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.testing.MarketData;
import io.tickstream.signals.testing.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Every indicator output against ta4j 0.17 (DoubleNum, so the reference computes in doubles) over a
 * long generated series and two real ones; max |ours − ta4j| ≤ 1e-9 at every index where ours is
 * ready, and ours must be ready from its documented warm-up on.
 */
class IndicatorReferenceTest {
  private static final double TOLERANCE = 1e-9;

  static List<ReferenceCase> cases() {
    List<ReferenceCase> c = new ArrayList<>();
    c.add(
        new ReferenceCase(
            "SMA(20)",
            onClose(() -> new Sma(20), Sma::value),
            s -> new SMAIndicator(close(s), 20)));
    c.add(
        new ReferenceCase(
            "SMA(200)",
            onClose(() -> new Sma(200), Sma::value),
            s -> new SMAIndicator(close(s), 200)));
    c.add(
        new ReferenceCase(
            "EMA(20)",
            onClose(() -> new Ema(20), Ema::value),
            s -> new EMAIndicator(close(s), 20)));
    c.add(
        new ReferenceCase(
            "EMA(50)",
            onClose(() -> new Ema(50), Ema::value),
            s -> new EMAIndicator(close(s), 50)));
    c.add(
        new ReferenceCase(
            "WMA(20)",
            onClose(() -> new Wma(20), Wma::value),
            s -> new WMAIndicator(close(s), 20)));
    c.add(
        new ReferenceCase(
            "RSI(14)",
            onClose(() -> new Rsi(14), Rsi::value),
            s -> new RSIIndicator(close(s), 14)));
    c.add(
        new ReferenceCase(
            "RSI(2)", onClose(() -> new Rsi(2), Rsi::value), s -> new RSIIndicator(close(s), 2)));
    c.add(
        new ReferenceCase(
            "MACD(12,26,9) line",
            onClose(Macd::new, Macd::value),
            s -> new MACDIndicator(close(s), 12, 26)));
    c.add(
        new ReferenceCase(
            "MACD(12,26,9) signal",
            onClose(Macd::new, Macd::signal),
            s -> new MACDIndicator(close(s), 12, 26).getSignalLine(9)));
    c.add(
        new ReferenceCase(
            "MACD(12,26,9) histogram",
            onClose(Macd::new, Macd::histogram),
            s -> new MACDIndicator(close(s), 12, 26).getHistogram(9)));
    c.add(
        new ReferenceCase(
            "BB(20,2) middle",
            onClose(() -> new BollingerBands(20, 2), BollingerBands::value),
            s -> bbMiddle(s)));
    c.add(
        new ReferenceCase(
            "BB(20,2) upper",
            onClose(() -> new BollingerBands(20, 2), BollingerBands::upper),
            s ->
                new BollingerBandsUpperIndicator(
                    bbMiddle(s),
                    new StandardDeviationIndicator(close(s), 20),
                    DoubleNum.valueOf(2))));
    c.add(
        new ReferenceCase(
            "BB(20,2) lower",
            onClose(() -> new BollingerBands(20, 2), BollingerBands::lower),
            s ->
                new BollingerBandsLowerIndicator(
                    bbMiddle(s),
                    new StandardDeviationIndicator(close(s), 20),
                    DoubleNum.valueOf(2))));
    c.add(
        new ReferenceCase(
            "ATR(14)", onBars(() -> new Atr(14), Atr::value), s -> new ATRIndicator(s, 14)));
    c.add(
        new ReferenceCase(
            "VWAP(20)",
            onBars(() -> new RollingVwap(20), RollingVwap::value),
            s -> new VWAPIndicator(s, 20)));
    c.add(
        new ReferenceCase(
            "Donchian(20) upper",
            onBars(() -> new Donchian(20), Donchian::upper),
            s -> new DonchianChannelUpperIndicator(s, 20)));
    c.add(
        new ReferenceCase(
            "Donchian(20) lower",
            onBars(() -> new Donchian(20), Donchian::lower),
            s -> new DonchianChannelLowerIndicator(s, 20)));
    c.add(
        new ReferenceCase(
            "Donchian(20) middle",
            onBars(() -> new Donchian(20), Donchian::value),
            s -> new DonchianChannelMiddleIndicator(s, 20)));
    c.add(
        new ReferenceCase(
            "Stochastic(14,3) %K",
            onBars(Stochastic::new, Stochastic::value),
            s -> new StochasticOscillatorKIndicator(s, 14)));
    c.add(
        new ReferenceCase(
            "Stochastic(14,3) %D",
            onBars(Stochastic::new, Stochastic::d),
            s -> new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(s, 14))));
    c.add(new ReferenceCase("OBV", onBars(Obv::new, Obv::value), OnBalanceVolumeIndicator::new));
    c.add(
        new ReferenceCase(
            "LogReturnVolatility(20)",
            onClose(() -> new LogReturnVolatility(20), LogReturnVolatility::value),
            s -> new StandardDeviationIndicator(new Ta4jLogReturn(close(s)), 20)));
    c.add(
        new ReferenceCase(
            "ZScore(20)", onClose(() -> new ZScore(20), ZScore::value), s -> zScore(s, 20)));
    return c;
  }

  static Stream<Arguments> casesOnSeries() {
    List<OhlcvSeries> series =
        List.of(
            MarketData.generated(50_000, 42),
            MarketData.aaplDaily(),
            MarketData.bitstampMinuteBars());
    return series.stream().flatMap(s -> cases().stream().map(c -> Arguments.of(c, s)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesOnSeries")
  void matchesTa4j(ReferenceCase c, OhlcvSeries series, TestReporter reporter) {
    BarSeries ta4jSeries = series.toTa4j();
    ReferenceCase.Run run = c.ours().apply(series);
    double[] ours = run.values();
    double[] reference = ReferenceCase.ta4jValues(c.ta4j().apply(ta4jSeries), series.size());

    int firstReady = -1;
    double maxDiff = 0.0;
    int compared = 0;
    for (int i = 0; i < ours.length; i++) {
      if (Double.isNaN(ours[i])) {
        assertThat(firstReady).as("%s became unready again at %d", c, i).isEqualTo(-1);
        continue;
      }
      if (firstReady < 0) {
        firstReady = i;
      }
      assertThat(Double.isFinite(reference[i]))
          .as("%s: ta4j value at %d is %s", c, i, reference[i])
          .isTrue();
      maxDiff = Math.max(maxDiff, Math.abs(ours[i] - reference[i]));
      compared++;
    }
    assertThat(firstReady).as("%s ready from", c).isEqualTo(run.warmUp() - 1);
    assertThat(compared).isEqualTo(series.size() - firstReady);
    reporter.publishEntry("maxAbsDiff", Double.toString(maxDiff));
    assertThat(maxDiff)
        .as("%s max |ours - ta4j| over %d values", c, compared)
        .isLessThanOrEqualTo(TOLERANCE);
  }

  private static ClosePriceIndicator close(BarSeries s) {
    return new ClosePriceIndicator(s);
  }

  private static BollingerBandsMiddleIndicator bbMiddle(BarSeries s) {
    return new BollingerBandsMiddleIndicator(new SMAIndicator(close(s), 20));
  }

  private static Indicator<Num> zScore(BarSeries s, int n) {
    ClosePriceIndicator close = close(s);
    return NumericIndicator.of(close)
        .minus(new SMAIndicator(close, n))
        .dividedBy(new StandardDeviationIndicator(close, n));
  }
}
