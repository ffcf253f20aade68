package io.tickstream.signals.strategies;

import static io.tickstream.signals.Direction.FLAT;
import static io.tickstream.signals.Direction.LONG;
import static io.tickstream.signals.Direction.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.TimeBarSpec;
import io.tickstream.signals.testing.TestBars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entry and exit of every strategy on short series whose indicator values are computed by hand. */
class StrategyRulesTest {

  private static List<Signal> run(Strategy s, List<Bar> bars) {
    List<Signal> out = new ArrayList<>();
    bars.forEach(b -> out.add(s.onBar(b)));
    return out;
  }

  private static List<Direction> directions(Strategy s, List<Bar> bars) {
    return run(s, bars).stream().map(Signal::direction).toList();
  }

  @Test
  void movingAverageCrossover() {
    // SMA(2)/SMA(3): bar 3 fast 11.5 > slow 11 → LONG; bar 4 10 = 10 → hold; bar 5 5.5 < 8 → FLAT.
    Strategy s = new MovingAverageCrossover("mac", 2, 3, false, false);
    List<Signal> sig = run(s, TestBars.closes(10, 10, 10, 13, 7, 4));
    assertThat(sig)
        .extracting(Signal::direction)
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, FLAT);
    assertThat(sig.get(0).reason()).startsWith("warming up");
    assertThat(sig.get(3).strength()).isEqualTo(1.0); // 0.5 gap on 11 is 4.5% > 1%
    assertThat(sig.get(3).reason()).contains("SMA(2)=11.5 ", "SMA(3)=11.0");
  }

  @Test
  void rsiMeanReversion() {
    // RSI(2): 100 at bar 2 → SHORT; 42.86 at bar 3 → exit; 9.68 at bar 4 → LONG; 70.53 → exit.
    Strategy s = new RsiMeanReversion("rsi", 2, 30, 70, 50, true);
    List<Signal> sig = run(s, TestBars.closes(10, 11, 12, 11, 8, 12));
    assertThat(sig)
        .extracting(Signal::direction)
        .containsExactly(FLAT, FLAT, SHORT, FLAT, LONG, FLAT);
    assertThat(sig.get(4).reason()).contains("RSI(2)=9.677");
    assertThat(sig.get(4).strength())
        .isCloseTo((50 - 9.677419) / 50, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void macd() {
    // MACD(1,2,2): bar 3 line 1, signal 2/3 → LONG; bar 4 hist −0.78 → FLAT (shorting off).
    Strategy s = new MacdCrossover("macd", 1, 2, 2, false);
    assertThat(directions(s, TestBars.closes(10, 10, 10, 13, 7)))
        .containsExactly(FLAT, FLAT, FLAT, LONG, FLAT);
  }

  @Test
  void bollingerBands() {
    // BB(3, 1): bar 3 window 10,10,7 mean 9 σ √2 → lower 7.59 > 7 → LONG; bar 5 10 ≥ mean → exit.
    Strategy s = new BollingerReversion("bb", 3, 1, false);
    assertThat(directions(s, TestBars.closes(10, 10, 10, 7, 8, 10)))
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, FLAT);
  }

  @Test
  void turtleEntersOnTheChannelHighAndStopsOutAtTwoN() {
    // Entry 12 > 11 with N 0.75 → stop 10.5; 11 holds; 10.4 ≤ 10.5 stops out.
    Strategy s = new TurtleBreakout("turtle", 3, 2, 2, 2, false);
    List<Signal> sig = run(s, TestBars.closes(10, 11, 10, 12, 11, 10.4));
    assertThat(sig)
        .extracting(Signal::direction)
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, FLAT);
    assertThat(sig.get(4).reason()).contains("stop=10.5");
    assertThat(sig.get(5).reason()).contains("hit the stop");
  }

  @Test
  void turtleExitsOnTheShorterChannelLow() {
    Strategy s = new TurtleBreakout("turtle", 3, 2, 2, 2, false);
    List<Signal> sig = run(s, TestBars.closes(10, 11, 10, 12, 12.5, 12.2, 11.9));
    assertThat(sig)
        .extracting(Signal::direction)
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, LONG, FLAT);
    assertThat(sig.get(6).reason()).contains("below the 2-bar low 12.2");
  }

  @Test
  void fourWeekRuleReversesOnTheOppositeBreak() {
    Strategy s = new FourWeekRule("4w", 3, true);
    assertThat(directions(s, TestBars.closes(10, 11, 10, 12, 11, 9, 10)))
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, SHORT, SHORT);
  }

  @Test
  void supportResistanceTakesProfitAtResistance() {
    // Support 100, resistance 110: bar 3 dips to 100.5 and closes 102 → LONG; 109 ≥ 108.9 → exit.
    Strategy s = new SupportResistance("sr", 3, 0.01, false);
    List<Bar> bars =
        TestBars.ohlcv(
            new double[] {100, 100, 100, 100, 1},
            new double[] {105, 105, 105, 105, 1},
            new double[] {110, 110, 110, 110, 1},
            new double[] {103, 103, 100.5, 102, 1},
            new double[] {105, 105, 105, 105, 1},
            new double[] {109, 109, 109, 109, 1});
    List<Signal> sig = run(s, bars);
    assertThat(sig)
        .extracting(Signal::direction)
        .containsExactly(FLAT, FLAT, FLAT, LONG, LONG, FLAT);
    assertThat(sig.get(5).reason()).contains("reached resistance target 108.9");
  }

  @Test
  void supportResistanceStopsOutBelowSupport() {
    Strategy s = new SupportResistance("sr", 3, 0.01, false);
    List<Bar> bars =
        TestBars.ohlcv(
            new double[] {100, 100, 100, 100, 1},
            new double[] {105, 105, 105, 105, 1},
            new double[] {110, 110, 110, 110, 1},
            new double[] {103, 103, 100.5, 102, 1},
            new double[] {99, 99, 98.5, 98.5, 1});
    List<Signal> sig = run(s, bars);
    assertThat(sig).extracting(Signal::direction).containsExactly(FLAT, FLAT, FLAT, LONG, FLAT);
    assertThat(sig.get(4).reason()).contains("support broke, stop 99.0");
  }

  @Test
  void pivotPointsBuyTheS1BounceAndExitAtThePivot() {
    // Day 0: H 110, L 90, C 100 → P 100, S1 90, S2 80. Day 1: low 89 close 92 → LONG; 101 → exit.
    long h = 3_600_000_000_000L;
    long day = 24 * h;
    List<Bar> bars =
        List.of(
            TestBars.bar(0, h, 100, 110, 95, 105, 1),
            TestBars.bar(h, h, 105, 106, 90, 100, 1),
            TestBars.bar(day, h, 95, 96, 89, 92, 1),
            TestBars.bar(day + h, h, 92, 97, 92, 95, 1),
            TestBars.bar(day + 2 * h, h, 95, 101, 95, 101, 1));
    Strategy s = new PivotPoints("pivots", TimeBarSpec.parse("1d"), false);
    List<Signal> sig = run(s, bars);
    assertThat(sig).extracting(Signal::direction).containsExactly(FLAT, FLAT, LONG, LONG, FLAT);
    assertThat(sig.get(2).reason()).contains("P=100.0 ", "S1=90.0");
    assertThat(sig.get(4).reason()).startsWith("reached the pivot");
  }

  @Test
  void breakoutNeedsTheAtrBufferAndExitsAtTheChannelMiddle() {
    // Bar 3: 11.2 < 11 + 0.5·0.75 → no; bar 4: 12 ≥ 11.2 + 0.5·0.975 → LONG; bar 5: 10.9 < 11 →
    // exit.
    Strategy s = new Breakout("bo", 3, 2, 0.5, false);
    assertThat(directions(s, TestBars.closes(10, 11, 10, 11.2, 12, 10.9)))
        .containsExactly(FLAT, FLAT, FLAT, FLAT, LONG, FLAT);
  }

  @Test
  void volumeBreakoutNeedsVolumeAndExitsBelowTheAverage() {
    // Bar 3 breaks 11 on 150 < 2·100 → no; bar 4 breaks 12 on 300 ≥ 2·116.7 → LONG; bar 5 11.5 <
    // SMA 12.17 → exit.
    Strategy s = new VolumeBreakout("vb", 3, 2, false);
    List<Bar> bars =
        TestBars.ohlcv(
            new double[] {10, 10, 10, 10, 100},
            new double[] {11, 11, 11, 11, 100},
            new double[] {10, 10, 10, 10, 100},
            new double[] {12, 12, 12, 12, 150},
            new double[] {13, 13, 13, 13, 300},
            new double[] {11.5, 11.5, 11.5, 11.5, 100});
    assertThat(directions(s, bars)).containsExactly(FLAT, FLAT, FLAT, FLAT, LONG, FLAT);
  }
}
