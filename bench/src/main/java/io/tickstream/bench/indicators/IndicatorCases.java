package io.tickstream.bench.indicators;

import io.tickstream.signals.indicators.Atr;
import io.tickstream.signals.indicators.BollingerBands;
import io.tickstream.signals.indicators.Donchian;
import io.tickstream.signals.indicators.Ema;
import io.tickstream.signals.indicators.LogReturnVolatility;
import io.tickstream.signals.indicators.Macd;
import io.tickstream.signals.indicators.Obv;
import io.tickstream.signals.indicators.RollingVwap;
import io.tickstream.signals.indicators.Rsi;
import io.tickstream.signals.indicators.SessionVwap;
import io.tickstream.signals.indicators.Sma;
import io.tickstream.signals.indicators.Stochastic;
import io.tickstream.signals.indicators.Wma;
import io.tickstream.signals.indicators.ZScore;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** The benchmarked indicators, each ours and ta4j's with the same parameters. */
final class IndicatorCases {
  static final long SESSION = 60 * BenchSeries.MINUTE; // hourly sessions: ~33 in 2,000 bars

  private IndicatorCases() {}

  /** A case from two loops. */
  record Case(
      String name,
      int outputs,
      int warmUp,
      BiConsumer<BenchSeries, double[]> oursRun,
      BiConsumer<BenchSeries, double[]> ta4jRun)
      implements IndicatorCase {
    @Override
    public void ours(BenchSeries s, double[] out) {
      oursRun.accept(s, out);
    }

    @Override
    public void ta4j(BenchSeries s, double[] out) {
      ta4jRun.accept(s, out);
    }
  }

  /** A ta4j loop over indicators built on the series; all outputs read at the end index. */
  static BiConsumer<BenchSeries, double[]> ta4j(Function<BarSeries, List<Indicator<Num>>> build) {
    return (s, out) -> {
      BarSeries series = Ta4jFeed.series();
      List<Indicator<Num>> inds = build.apply(series);
      int k = inds.size();
      for (int i = 0; i < s.size; i++) {
        Ta4jFeed.add(series, s, i);
        for (int j = 0; j < k; j++) {
          out[i * k + j] = Ta4jFeed.last(inds.get(j), series);
        }
      }
    };
  }

  static ClosePriceIndicator close(BarSeries s) {
    return new ClosePriceIndicator(s);
  }

  static List<IndicatorCase> all() {
    return List.of(
        new Case(
            "SMA(20)",
            1,
            20,
            (s, out) -> {
              Sma x = new Sma(20);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(b -> List.of(new SMAIndicator(close(b), 20)))),
        new Case(
            "EMA(20)",
            1,
            20,
            (s, out) -> {
              Ema x = new Ema(20);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(b -> List.of(new EMAIndicator(close(b), 20)))),
        new Case(
            "WMA(20)",
            1,
            20,
            (s, out) -> {
              Wma x = new Wma(20);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(b -> List.of(new WMAIndicator(close(b), 20)))),
        new Case(
            "RSI(14)",
            1,
            15,
            (s, out) -> {
              Rsi x = new Rsi(14);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(b -> List.of(new RSIIndicator(close(b), 14)))),
        new Case(
            "MACD(12,26,9)",
            3,
            34,
            (s, out) -> {
              Macd x = new Macd(12, 26, 9);
              for (int i = 0; i < s.size; i++) {
                out[3 * i] = x.update(s.close[i]);
                out[3 * i + 1] = x.signal();
                out[3 * i + 2] = x.histogram();
              }
            },
            ta4j(
                b -> {
                  MACDIndicator m = new MACDIndicator(close(b), 12, 26);
                  return List.of(m, m.getSignalLine(9), m.getHistogram(9));
                })),
        new Case(
            "BollingerBands(20,2)",
            3,
            20,
            (s, out) -> {
              BollingerBands x = new BollingerBands(20, 2);
              for (int i = 0; i < s.size; i++) {
                out[3 * i] = x.update(s.close[i]);
                out[3 * i + 1] = x.upper();
                out[3 * i + 2] = x.lower();
              }
            },
            ta4j(
                b -> {
                  BollingerBandsMiddleIndicator mid =
                      new BollingerBandsMiddleIndicator(new SMAIndicator(close(b), 20));
                  StandardDeviationIndicator sd = new StandardDeviationIndicator(close(b), 20);
                  return List.of(
                      mid,
                      new BollingerBandsUpperIndicator(mid, sd, DoubleNum.valueOf(2)),
                      new BollingerBandsLowerIndicator(mid, sd, DoubleNum.valueOf(2)));
                })),
        new Case(
            "ATR(14)",
            1,
            14,
            (s, out) -> {
              Atr x = new Atr(14);
              for (int i = 0; i < s.size; i++)
                out[i] = x.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
            },
            ta4j(b -> List.of(new ATRIndicator(b, 14)))),
        new Case(
            "VWAP(20)",
            1,
            20,
            (s, out) -> {
              RollingVwap x = new RollingVwap(20);
              for (int i = 0; i < s.size; i++)
                out[i] = x.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
            },
            ta4j(b -> List.of(new VWAPIndicator(b, 20)))),
        new Case(
            "SessionVWAP(1h)",
            1,
            1,
            (s, out) -> {
              SessionVwap x = new SessionVwap(SESSION, 0);
              for (int i = 0; i < s.size; i++)
                out[i] = x.update(s.start[i], s.high[i], s.low[i], s.close[i], s.volume[i]);
            },
            IndicatorCases::ta4jSessionVwap),
        new Case(
            "Donchian(20)",
            3,
            20,
            (s, out) -> {
              Donchian x = new Donchian(20);
              for (int i = 0; i < s.size; i++) {
                x.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
                out[3 * i] = x.upper();
                out[3 * i + 1] = x.lower();
                out[3 * i + 2] = x.value();
              }
            },
            ta4j(
                b ->
                    List.of(
                        new DonchianChannelUpperIndicator(b, 20),
                        new DonchianChannelLowerIndicator(b, 20),
                        new DonchianChannelMiddleIndicator(b, 20)))),
        new Case(
            "Stochastic(14,3)",
            2,
            16,
            (s, out) -> {
              Stochastic x = new Stochastic(14, 3);
              for (int i = 0; i < s.size; i++) {
                out[2 * i] = x.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
                out[2 * i + 1] = x.d();
              }
            },
            ta4j(
                b -> {
                  StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(b, 14);
                  return List.of(k, new StochasticOscillatorDIndicator(k));
                })),
        new Case(
            "OBV",
            1,
            1,
            (s, out) -> {
              Obv x = new Obv();
              for (int i = 0; i < s.size; i++)
                out[i] = x.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
            },
            ta4j(b -> List.of(new OnBalanceVolumeIndicator(b)))),
        new Case(
            "LogReturnVolatility(20)",
            1,
            21,
            (s, out) -> {
              LogReturnVolatility x = new LogReturnVolatility(20);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(b -> List.of(new StandardDeviationIndicator(new Ta4jLogReturn(close(b)), 20)))),
        new Case(
            "ZScore(20)",
            1,
            20,
            (s, out) -> {
              ZScore x = new ZScore(20);
              for (int i = 0; i < s.size; i++) out[i] = x.update(s.close[i]);
            },
            ta4j(
                b ->
                    List.of(
                        NumericIndicator.of(close(b))
                            .minus(new SMAIndicator(close(b), 20))
                            .dividedBy(new StandardDeviationIndicator(close(b), 20))))),
        FullSet.CASE);
  }

  /** ta4j has no session VWAP: a fresh series and VWAPIndicator per session, as a user would. */
  private static void ta4jSessionVwap(BenchSeries s, double[] out) {
    BarSeries series = null;
    VWAPIndicator vwap = null;
    long session = Long.MIN_VALUE;
    for (int i = 0; i < s.size; i++) {
      long id = Math.floorDiv(s.start[i], SESSION);
      if (id != session) {
        session = id;
        series = Ta4jFeed.series();
        vwap = new VWAPIndicator(series, IndicatorCase.TA4J_MAX_BARS);
      }
      Ta4jFeed.add(series, s, i);
      out[i] = Ta4jFeed.last(vwap, series);
    }
  }

  static Map<String, IndicatorCase> byName() {
    return all().stream()
        .collect(
            Collectors.toMap(
                IndicatorCase::name, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
