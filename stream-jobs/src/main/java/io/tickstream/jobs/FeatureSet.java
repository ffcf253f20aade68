package io.tickstream.jobs;

import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.signals.BarInput;
import io.tickstream.signals.indicators.Atr;
import io.tickstream.signals.indicators.BollingerBands;
import io.tickstream.signals.indicators.Donchian;
import io.tickstream.signals.indicators.Ema;
import io.tickstream.signals.indicators.Indicator;
import io.tickstream.signals.indicators.LogReturnVolatility;
import io.tickstream.signals.indicators.Macd;
import io.tickstream.signals.indicators.Obv;
import io.tickstream.signals.indicators.RollingVwap;
import io.tickstream.signals.indicators.Rsi;
import io.tickstream.signals.indicators.Sma;
import io.tickstream.signals.indicators.Stochastic;
import io.tickstream.signals.indicators.ZScore;

/**
 * The indicator set of one instrument at one resolution, as published on {@code
 * analytics.features}: SMA(20), EMA(20), RSI(14), MACD(12, 26, 9), Bollinger(20, 2), ATR(14),
 * rolling VWAP(20), Donchian(20), Stochastic(14, 3), OBV, log-return volatility(20) and z-score(20)
 * of closes. Each value is null in the vector until its indicator {@link Indicator#isReady()}.
 *
 * <p>Plain Java over the {@code signals} indicators; its state is the {@link State} record of their
 * snapshots, restorable with identical continuation.
 */
public final class FeatureSet {
  private final Sma sma = new Sma(20);
  private final Ema ema = new Ema(20);
  private final Rsi rsi = new Rsi(14);
  private final Macd macd = new Macd(12, 26, 9);
  private final BollingerBands bollinger = new BollingerBands(20, 2.0);
  private final Atr atr = new Atr(14);
  private final RollingVwap vwap = new RollingVwap(20);
  private final Donchian donchian = new Donchian(20);
  private final Stochastic stochastic = new Stochastic(14, 3);
  private final Obv obv = new Obv();
  private final LogReturnVolatility volatility = new LogReturnVolatility(20);
  private final ZScore zScore = new ZScore(20);
  private long barsSeen;

  /**
   * Snapshots of every indicator, and the number of bars taken.
   *
   * @param barsSeen bars taken
   * @param sma SMA state
   * @param ema EMA state
   * @param rsi RSI state
   * @param macd MACD state
   * @param bollinger Bollinger state
   * @param atr ATR state
   * @param vwap rolling VWAP state
   * @param donchian Donchian state
   * @param stochastic Stochastic state
   * @param obv OBV state
   * @param volatility volatility state
   * @param zScore z-score state
   */
  public record State(
      long barsSeen,
      Sma.State sma,
      Ema.State ema,
      Rsi.State rsi,
      Macd.State macd,
      BollingerBands.State bollinger,
      Atr.State atr,
      RollingVwap.State vwap,
      Donchian.State donchian,
      Stochastic.State stochastic,
      Obv.State obv,
      LogReturnVolatility.State volatility,
      ZScore.State zScore) {}

  /**
   * Takes the next closed bar and returns the vector after it (revision 0, tsInit 0).
   *
   * @param bar the bar as prices
   */
  public FeatureVector update(
      String instrumentId, String spec, long barStart, long barEnd, BarInput bar) {
    double close = bar.close();
    sma.update(close);
    ema.update(close);
    rsi.update(close);
    macd.update(close);
    bollinger.update(close);
    atr.update(bar);
    vwap.update(bar);
    donchian.update(bar);
    stochastic.update(bar);
    obv.update(bar);
    volatility.update(close);
    zScore.update(close);
    barsSeen++;
    boolean macdReady = macd.isReady();
    return FeatureVector.newBuilder()
        .setInstrumentId(instrumentId)
        .setSpec(spec)
        .setBarStart(barStart)
        .setBarEnd(barEnd)
        .setRevision(0)
        .setBarsSeen(barsSeen)
        .setClose(close)
        .setSma(ready(sma, sma.value()))
        .setEma(ready(ema, ema.value()))
        .setRsi(ready(rsi, rsi.value()))
        .setMacd(macdReady ? macd.value() : null)
        .setMacdSignal(macdReady ? macd.signal() : null)
        .setMacdHistogram(macdReady ? macd.histogram() : null)
        .setBollingerUpper(ready(bollinger, bollinger.upper()))
        .setBollingerMiddle(ready(bollinger, bollinger.value()))
        .setBollingerLower(ready(bollinger, bollinger.lower()))
        .setAtr(ready(atr, atr.value()))
        .setVwap(ready(vwap, vwap.value()))
        .setDonchianUpper(ready(donchian, donchian.upper()))
        .setDonchianLower(ready(donchian, donchian.lower()))
        .setStochasticK(ready(stochastic, stochastic.value()))
        .setStochasticD(ready(stochastic, stochastic.d()))
        .setObv(ready(obv, obv.value()))
        .setVolatility(ready(volatility, volatility.value()))
        .setZScore(ready(zScore, zScore.value()))
        .setTsEvent(barEnd)
        .setTsInit(0)
        .build();
  }

  private static Double ready(Indicator<?> indicator, double value) {
    return indicator.isReady() && !Double.isNaN(value) ? value : null;
  }

  /** The full state. */
  public State snapshot() {
    return new State(
        barsSeen,
        sma.snapshot(),
        ema.snapshot(),
        rsi.snapshot(),
        macd.snapshot(),
        bollinger.snapshot(),
        atr.snapshot(),
        vwap.snapshot(),
        donchian.snapshot(),
        stochastic.snapshot(),
        obv.snapshot(),
        volatility.snapshot(),
        zScore.snapshot());
  }

  /** Replaces the state. */
  public void restore(State s) {
    barsSeen = s.barsSeen();
    sma.restore(s.sma());
    ema.restore(s.ema());
    rsi.restore(s.rsi());
    macd.restore(s.macd());
    bollinger.restore(s.bollinger());
    atr.restore(s.atr());
    vwap.restore(s.vwap());
    donchian.restore(s.donchian());
    stochastic.restore(s.stochastic());
    obv.restore(s.obv());
    volatility.restore(s.volatility());
    zScore.restore(s.zScore());
  }
}
