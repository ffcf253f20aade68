package io.tickstream.execution.backtest;

import static io.tickstream.execution.backtest.BacktestFixture.AAPL;
import static io.tickstream.execution.backtest.BacktestFixture.AAPL_INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.metrics.PerformanceReport;
import io.tickstream.execution.sizing.FixedQuantitySizer;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three round trips worked out by hand: SMA(1) vs SMA(2) is "close above the previous close", long
 * only, 10 shares, 10 bps slippage, commission max(1.00, 5 bps), fills at the next open.
 */
class HandComputedBacktestTest {

  static final long DAY = 86_400_000_000_000L;
  static final long T0 = 1_356_998_400_000_000_000L; // 2013-01-01T00:00Z

  // open, close per day; the comment says what the strategy does after the close
  private static final String[][] DAYS = {
    {"100", "100"}, // warming up
    {"100", "101"}, // up: LONG, BUY 10 next open
    {"102", "103"}, // BUY 10 at 102 * 1.001 = 102.102, fee max(1, 0.51) = 1.00
    {"104", "102"}, // down: FLAT
    {"108", "110"}, // SELL at 108 * 0.999 = 107.892, fee 1.00; trip 57.90 - 2 = 55.90; up: LONG
    {"111", "109"}, // BUY at 111.111; down: FLAT
    {"107", "112"}, // SELL at 106.893; trip -42.18 - 2 = -44.18; up: LONG
    {"113", "111"}, // BUY at 113.113; down: FLAT
    {"120", "110"}, // SELL at 119.88; trip 67.67 - 2 = 65.67; still down: nothing
  };

  static HistoricalBars bars() {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < DAYS.length; i++) {
      BigDecimal open = new BigDecimal(DAYS[i][0]);
      BigDecimal close = new BigDecimal(DAYS[i][1]);
      bars.add(
          new Bar(
              AAPL,
              "1d",
              T0 + i * DAY,
              T0 + (i + 1) * DAY,
              open,
              open.max(close),
              open.min(close),
              close,
              new BigDecimal("1000000"),
              1,
              close,
              0));
    }
    return HistoricalBars.of(bars);
  }

  static BacktestConfig config() {
    FillModel costs =
        new FillModel(
            BigDecimal.TEN,
            BigDecimal.ONE,
            new CommissionSchedule(new BigDecimal("5"), BigDecimal.ZERO, BigDecimal.ONE),
            LocalTime.of(21, 0));
    return BacktestFixture.config(
        "10000",
        Instruments.of(AAPL_INSTRUMENT),
        new FixedQuantitySizer(BigDecimal.TEN),
        costs,
        1,
        2);
  }

  @Test
  void threeTripsWithFeesAndSlippage() {
    BacktestResult r = Backtest.run(config(), bars().source(), BacktestProgress.NONE);

    assertThat(r.fills())
        .extracting(f -> f.lastPx().toPlainString())
        .containsExactly(
            "102.10200000",
            "107.89200000",
            "111.11100000",
            "106.89300000",
            "113.11300000",
            "119.88000000");
    assertThat(r.trades())
        .extracting(t -> t.pnl().stripTrailingZeros().toPlainString())
        .containsExactly("55.9", "-44.18", "65.67");
    assertThat(r.finalEquity()).isEqualByComparingTo("10077.39");

    // Equity after each close: cash + 10 * close while long.
    assertThat(r.equityCurve())
        .extracting(EquityPoint::value)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("10000"),
            new BigDecimal("10000"),
            new BigDecimal("10007.98"),
            new BigDecimal("9997.98"),
            new BigDecimal("10055.90"),
            new BigDecimal("10033.79"),
            new BigDecimal("10011.72"),
            new BigDecimal("9989.59"),
            new BigDecimal("10077.39"));
    assertThat(r.equityCurve().get(0).tsEvent()).isEqualTo(T0 + DAY);

    PerformanceReport m = r.report();
    assertThat(m.totalReturn()).isCloseTo(0.007739, within(1e-12));
    assertThat(m.trades().trades()).isEqualTo(3);
    assertThat(m.trades().winRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.trades().profitFactor()).isCloseTo((55.90 + 65.67) / 44.18, within(1e-12));
    // Held 2, 1 and 1 days (open to open).
    assertThat(m.trades().averageDurationNanos()).isCloseTo(4.0 * DAY / 3, within(1.0));
    // Deepest fall: from 10,055.90 (day 4) to 9,989.59 (day 7), recovered on day 8.
    assertThat(m.drawdown().maxDrawdown()).isCloseTo(66.31 / 10055.90, within(1e-12));
    assertThat(m.drawdown().maxDrawdownPeriods()).isEqualTo(4);
  }

  @Test
  void alphaAndBetaAgainstTheInstrumentItself() {
    BacktestResult r =
        Backtest.run(config().withBenchmark(AAPL), bars().source(), BacktestProgress.NONE);
    // Ordinary least squares of the equity curve's returns on the closes' returns, by hand.
    double[] equity = {
      10000, 10000, 10007.98, 9997.98, 10055.90, 10033.79, 10011.72, 9989.59, 10077.39
    };
    double[] closes = {100, 101, 103, 102, 110, 109, 112, 111, 110};
    int n = equity.length - 1;
    double[] y = new double[n];
    double[] x = new double[n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      y[i] = equity[i + 1] / equity[i] - 1;
      x[i] = closes[i + 1] / closes[i] - 1;
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double beta = sxy / sxx;
    assertThat(r.report().benchmark().beta()).isCloseTo(beta, within(1e-12));
    assertThat(r.report().benchmark().alpha()).isCloseTo(my - beta * mx, within(1e-12));
    assertThat(r.report().benchmark().annualAlpha())
        .isCloseTo(252 * (my - beta * mx), within(1e-10));
  }

  @Test
  void sameInputSameResult() {
    BacktestResult first = Backtest.run(config(), bars().source(), BacktestProgress.NONE);
    BacktestResult second = Backtest.run(config(), bars().source(), BacktestProgress.NONE);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void warmUpBarsBeforeTradeFromAreNotTraded() {
    // Trading from the end of day 4: the LONG of day 1 is never sent; day 4's LONG is.
    BacktestResult r = Backtest.run(config(), bars().source(), T0 + 5 * DAY, BacktestProgress.NONE);
    assertThat(r.fills()).hasSize(4);
    assertThat(r.fills().get(0).lastPx()).isEqualByComparingTo("111.111");
    assertThat(r.equityCurve()).hasSize(5);
    assertThat(r.equityCurve().get(0).tsEvent()).isEqualTo(T0 + 5 * DAY);
  }

  @Test
  void progressReachesTheLastBar() {
    long[] seen = new long[2];
    Backtest.run(
        config(),
        bars().source(),
        (n, ts) -> {
          seen[0] = n;
          seen[1] = ts;
        });
    assertThat(seen).containsExactly(DAYS.length, T0 + DAYS.length * DAY);
  }
}
