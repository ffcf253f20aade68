package io.tickstream.signals.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small hand-computed cases: warm-up, edge cases and parameter checks. */
class IndicatorHandTest {

  @Test
  void smaWarmsUpAndSlides() {
    Sma sma = new Sma(3);
    assertThat(sma.value()).isNaN();
    sma.update(1);
    sma.update(2);
    assertThat(sma.isReady()).isFalse();
    assertThat(sma.value()).isEqualTo(1.5);
    sma.update(6);
    assertThat(sma.isReady()).isTrue();
    assertThat(sma.value()).isEqualTo(3.0);
    assertThat(sma.update(10)).isEqualTo(6.0); // (2 + 6 + 10) / 3
  }

  @Test
  void emaSeedsWithTheFirstValue() {
    Ema ema = new Ema(3); // α = 0.5
    assertThat(ema.update(10)).isEqualTo(10.0);
    assertThat(ema.update(20)).isEqualTo(15.0);
    assertThat(ema.update(11)).isEqualTo(13.0);
    assertThat(ema.isReady()).isTrue();
  }

  @Test
  void wmaWeighsTheNewestMost() {
    Wma wma = new Wma(3);
    wma.update(1);
    wma.update(2);
    wma.update(3); // (1·1 + 2·2 + 3·3) / 6
    assertThat(wma.value()).isCloseTo(14.0 / 6, within(1e-15));
    wma.update(4); // (2 + 6 + 12) / 6
    assertThat(wma.value()).isCloseTo(20.0 / 6, within(1e-15));
  }

  @Test
  void rsiIsHundredWithOnlyGainsAndZeroWithoutMoves() {
    Rsi up = new Rsi(2);
    for (double x : new double[] {1, 2, 3, 4}) {
      up.update(x);
    }
    assertThat(up.value()).isEqualTo(100.0);
    Rsi flat = new Rsi(2);
    for (int i = 0; i < 4; i++) {
      flat.update(5);
    }
    assertThat(flat.value()).isEqualTo(0.0);
    assertThat(flat.isReady()).isTrue();
  }

  @Test
  void donchianDropsExtremesThatLeaveTheWindow() {
    Donchian d = new Donchian(3);
    d.update(10, 5, 7, 0);
    d.update(9, 6, 7, 0);
    d.update(8, 7, 7, 0);
    assertThat(d.upper()).isEqualTo(10.0);
    assertThat(d.lower()).isEqualTo(5.0);
    d.update(7, 6.5, 7, 0); // the 10/5 bar left
    assertThat(d.upper()).isEqualTo(9.0);
    assertThat(d.lower()).isEqualTo(6.0);
    assertThat(d.value()).isEqualTo(7.5);
  }

  @Test
  void stochasticIsFiftyOnAFlatRange() {
    Stochastic s = new Stochastic(3, 2);
    for (int i = 0; i < 4; i++) {
      s.update(5, 5, 5, 1);
    }
    assertThat(s.value()).isEqualTo(50.0);
    assertThat(s.d()).isEqualTo(50.0);
    s.update(6, 5, 6, 1); // close at the top of the new range
    assertThat(s.value()).isEqualTo(100.0);
    assertThat(s.d()).isEqualTo(75.0);
  }

  @Test
  void obvAddsOnUpClosesAndSubtractsOnDownCloses() {
    Obv obv = new Obv();
    assertThat(obv.update(0, 0, 10, 100)).isEqualTo(0.0);
    assertThat(obv.update(0, 0, 11, 50)).isEqualTo(50.0);
    assertThat(obv.update(0, 0, 11, 70)).isEqualTo(50.0);
    assertThat(obv.update(0, 0, 9, 20)).isEqualTo(30.0);
  }

  @Test
  void atrUsesTheGapToThePreviousClose() {
    Atr atr = new Atr(2);
    assertThat(atr.update(11, 9, 10, 0)).isEqualTo(2.0);
    atr.update(16, 14, 15, 0); // TR = 16 − 10 = 6; (6 − 2)·½ + 2 = 4
    assertThat(atr.trueRange()).isEqualTo(6.0);
    assertThat(atr.value()).isEqualTo(4.0);
  }

  @Test
  void zScoreOfAConstantIsZero() {
    ZScore z = new ZScore(3);
    for (int i = 0; i < 5; i++) {
      z.update(42);
    }
    assertThat(z.value()).isEqualTo(0.0);
  }

  @Test
  void rejectsBadParametersAndForeignState() {
    assertThatThrownBy(() -> new Sma(0)).hasMessageContaining("SMA period must be >= 1, got 0");
    assertThatThrownBy(() -> new Macd(26, 12, 9))
        .hasMessageContaining("fast period 26 must be below slow period 12");
    assertThatThrownBy(() -> new BollingerBands(20, -1))
        .hasMessageContaining("k must be a positive number");
    Ema.State other = new Ema(5).snapshot();
    assertThatThrownBy(() -> new Ema(6).restore(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot restore EMA state taken with 5");
  }
}
