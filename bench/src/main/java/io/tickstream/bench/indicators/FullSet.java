package io.tickstream.bench.indicators;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
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
import io.tickstream.signals.strategies.MacdCrossover;
import io.tickstream.signals.strategies.MovingAverageCrossover;
import io.tickstream.signals.strategies.RsiMeanReversion;
import io.tickstream.signals.strategies.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
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
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Everything at once per bar, starting from the {@link io.tickstream.signals.bars.Bar} (ours
 * converts it once to doubles): all 14 indicators plus three strategies (MA crossover 10/30, RSI
 * mean reversion 14/30/70, MACD 12/26/9). ta4j: the same indicators on one series plus three
 * BaseStrategies with the matching rules, asked shouldEnter/shouldExit at each new bar. The 21
 * indicator outputs are compared; strategy decisions only feed the checksum.
 */
final class FullSet {
  static final int OUTPUTS = 21;
  static final IndicatorCase CASE =
      new IndicatorCases.Case(
          "FullSet(14 indicators + 3 strategies)", OUTPUTS, 34, FullSet::ours, FullSet::ta4j);

  private FullSet() {}

  static void ours(BenchSeries s, double[] out) {
    Sma sma = new Sma(20);
    Ema ema = new Ema(20);
    Wma wma = new Wma(20);
    Rsi rsi = new Rsi(14);
    Macd macd = new Macd(12, 26, 9);
    BollingerBands bb = new BollingerBands(20, 2);
    Atr atr = new Atr(14);
    RollingVwap vwap = new RollingVwap(20);
    SessionVwap svwap = new SessionVwap(IndicatorCases.SESSION, 0);
    Donchian dc = new Donchian(20);
    Stochastic st = new Stochastic(14, 3);
    Obv obv = new Obv();
    LogReturnVolatility vol = new LogReturnVolatility(20);
    ZScore z = new ZScore(20);
    List<Strategy> strategies =
        List.of(
            new MovingAverageCrossover("mac", 10, 30, false, false),
            new RsiMeanReversion("rsi", 14, 30, 70, 50, false),
            new MacdCrossover("macd", 12, 26, 9, false));
    double decisions = 0;
    for (int i = 0; i < s.size; i++) {
      BarInput in = BarInput.of(s.bars[i]);
      int o = i * OUTPUTS;
      double c = in.close();
      out[o] = sma.update(c);
      out[o + 1] = ema.update(c);
      out[o + 2] = wma.update(c);
      out[o + 3] = rsi.update(c);
      out[o + 4] = macd.update(c);
      out[o + 5] = macd.signal();
      out[o + 6] = macd.histogram();
      out[o + 7] = bb.update(c);
      out[o + 8] = bb.upper();
      out[o + 9] = bb.lower();
      out[o + 10] = atr.update(in);
      out[o + 11] = vwap.update(in);
      out[o + 12] = svwap.update(in);
      dc.update(in);
      out[o + 13] = dc.upper();
      out[o + 14] = dc.lower();
      out[o + 15] = dc.value();
      out[o + 16] = st.update(in);
      out[o + 17] = st.d();
      out[o + 18] = obv.update(in);
      out[o + 19] = vol.update(c);
      out[o + 20] = z.update(c);
      for (Strategy strategy : strategies) {
        decisions += strategy.onBar(in).direction() == Direction.LONG ? 1 : 0;
      }
    }
    out[out.length - 1] += decisions * 0.0; // keep the strategies' work observable
  }

  static void ta4j(BenchSeries s, double[] out) {
    BarSeries b = Ta4jFeed.series();
    ClosePriceIndicator close = new ClosePriceIndicator(b);
    MACDIndicator macd = new MACDIndicator(close, 12, 26);
    BollingerBandsMiddleIndicator mid =
        new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
    StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
    StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(b, 14);
    RSIIndicator rsi = new RSIIndicator(close, 14);
    List<Indicator<Num>> inds = new ArrayList<>();
    inds.add(new SMAIndicator(close, 20));
    inds.add(new EMAIndicator(close, 20));
    inds.add(new WMAIndicator(close, 20));
    inds.add(rsi);
    inds.add(macd);
    inds.add(macd.getSignalLine(9));
    inds.add(macd.getHistogram(9));
    inds.add(mid);
    inds.add(new BollingerBandsUpperIndicator(mid, sd, DoubleNum.valueOf(2)));
    inds.add(new BollingerBandsLowerIndicator(mid, sd, DoubleNum.valueOf(2)));
    inds.add(new ATRIndicator(b, 14));
    inds.add(new VWAPIndicator(b, 20));
    inds.add(null); // session VWAP: separate per-session series below
    inds.add(new DonchianChannelUpperIndicator(b, 20));
    inds.add(new DonchianChannelLowerIndicator(b, 20));
    inds.add(new DonchianChannelMiddleIndicator(b, 20));
    inds.add(k);
    inds.add(new StochasticOscillatorDIndicator(k));
    inds.add(new OnBalanceVolumeIndicator(b));
    inds.add(new StandardDeviationIndicator(new Ta4jLogReturn(close), 20));
    inds.add(NumericIndicator.of(close).minus(new SMAIndicator(close, 20)).dividedBy(sd));
    SMAIndicator fast = new SMAIndicator(close, 10);
    SMAIndicator slow = new SMAIndicator(close, 30);
    Indicator<Num> signal = macd.getSignalLine(9);
    List<org.ta4j.core.Strategy> strategies =
        List.of(
            new BaseStrategy(
                new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow)),
            new BaseStrategy(new UnderIndicatorRule(rsi, 30), new OverIndicatorRule(rsi, 50)),
            new BaseStrategy(
                new CrossedUpIndicatorRule(macd, signal),
                new CrossedDownIndicatorRule(macd, signal)));
    boolean[] in = new boolean[strategies.size()];
    BarSeries session = null;
    VWAPIndicator svwap = null;
    long sessionId = Long.MIN_VALUE;
    double decisions = 0;
    for (int i = 0; i < s.size; i++) {
      Ta4jFeed.add(b, s, i);
      long id = Math.floorDiv(s.start[i], IndicatorCases.SESSION);
      if (id != sessionId) {
        sessionId = id;
        session = Ta4jFeed.series();
        svwap = new VWAPIndicator(session, IndicatorCase.TA4J_MAX_BARS);
      }
      Ta4jFeed.add(session, s, i);
      int o = i * OUTPUTS;
      for (int j = 0; j < OUTPUTS; j++) {
        out[o + j] = j == 12 ? Ta4jFeed.last(svwap, session) : Ta4jFeed.last(inds.get(j), b);
      }
      int end = b.getEndIndex();
      for (int j = 0; j < in.length; j++) {
        in[j] = in[j] ? !strategies.get(j).shouldExit(end) : strategies.get(j).shouldEnter(end);
        decisions += in[j] ? 1 : 0;
      }
    }
    out[out.length - 1] += decisions * 0.0;
  }
}
