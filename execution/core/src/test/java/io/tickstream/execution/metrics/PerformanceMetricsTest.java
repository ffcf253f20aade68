package io.tickstream.execution.metrics;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.portfolio.ClosedTrade;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Hand-computed metrics; the arithmetic is in the comments. */
class PerformanceMetricsTest {

  private static final long DAY = 86_400_000_000_000L;
  private static final long HOUR = 3_600_000_000_000L;
  private static final Offset<Double> EPS = within(1e-12);
  private static final MetricsConventions QUARTERLY = new MetricsConventions(4, 0.0);

  private static List<EquityPoint> curve(String... values) {
    List<EquityPoint> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new EquityPoint(i * DAY, d(values[i])));
    }
    return points;
  }

  // 100 -> 110 -> 99 -> 108.9 -> 119.79: returns +10 %, -10 %, +10 %, +10 %
  private static final List<EquityPoint> FIVE = curve("100", "110", "99", "108.9", "119.79");

  @Test
  void returnsVolatilitySharpeSortinoOnAFivePointCurve() {
    double[] r = PerformanceMetrics.returns(FIVE);
    assertThat(r).containsExactly(new double[] {0.1, -0.1, 0.1, 0.1}, within(1e-12));
    // total 119.79 / 100 - 1 = 0.1979; 4 quarterly returns = 1 year, so CAGR = total
    assertThat(PerformanceMetrics.totalReturn(FIVE)).isCloseTo(0.1979, EPS);
    assertThat(PerformanceMetrics.cagr(FIVE, QUARTERLY)).isCloseTo(0.1979, EPS);
    // mean = 0.2 / 4 = 0.05; deviations 0.05, -0.15, 0.05, 0.05; squares sum 0.03;
    // sample variance 0.03 / 3 = 0.01, s = 0.1; annual volatility 0.1 * sqrt(4) = 0.2
    assertThat(PerformanceMetrics.annualVolatility(r, QUARTERLY)).isCloseTo(0.2, EPS);
    // Sharpe (rf 0) = 0.05 / 0.1 * sqrt(4) = 1.0
    assertThat(PerformanceMetrics.sharpe(r, QUARTERLY)).isCloseTo(1.0, EPS);
    // downside min(0, r) = 0, -0.1, 0, 0; DD = sqrt(0.01 / 4) = 0.05; Sortino = 0.05 / 0.05 * 2 = 2
    assertThat(PerformanceMetrics.sortino(r, QUARTERLY)).isCloseTo(2.0, EPS);
  }

  @Test
  void riskFreeRateIsSubtractedPerPeriod() {
    double[] r = PerformanceMetrics.returns(FIVE);
    // 4 % a year over 4 periods = 0.01 a period; excess 0.09, -0.11, 0.09, 0.09; mean 0.04, s 0.1
    MetricsConventions rf4 = new MetricsConventions(4, 0.04);
    // Sharpe = 0.04 / 0.1 * 2 = 0.8
    assertThat(PerformanceMetrics.sharpe(r, rf4)).isCloseTo(0.8, EPS);
    // downside min(0, r - 0.01) = 0, -0.11, 0, 0; DD = sqrt(0.0121 / 4) = 0.055;
    // Sortino = 0.04 / 0.055 * 2 = 1.454545...
    assertThat(PerformanceMetrics.sortino(r, rf4)).isCloseTo(0.08 / 0.055, EPS);
  }

  @Test
  void cagrCompoundsOverTheYearsTheCurveSpans() {
    // 100 -> 110 -> 121 as two annual points: (1.21)^(1/2) - 1 = 0.10
    assertThat(PerformanceMetrics.cagr(curve("100", "110", "121"), new MetricsConventions(1, 0)))
        .isCloseTo(0.10, EPS);
    // the five-point curve as half-yearly points spans 2 years: 1.1979^(2/4) - 1
    assertThat(PerformanceMetrics.cagr(FIVE, new MetricsConventions(2, 0)))
        .isCloseTo(Math.sqrt(1.1979) - 1, EPS);
  }

  @Test
  void maxDrawdownAndItsDuration() {
    // peak 110 (day 1), trough 99 (day 2): 1 - 99/110 = 0.10; 108.9 < 110 still under water;
    // 119.79 on day 4 recovers: 3 periods, 3 days
    Drawdown dd = Drawdown.of(FIVE);
    assertThat(dd.maxDrawdown()).isCloseTo(0.10, EPS);
    assertThat(dd.maxDrawdownPeriods()).isEqualTo(3);
    assertThat(dd.maxDrawdownNanos()).isEqualTo(3 * DAY);
  }

  @Test
  void unrecoveredDrawdownLastsToTheEnd() {
    // peak 120 (day 1), trough 90: 1 - 90/120 = 0.25; never back to 120: day 1 to day 4 = 3
    Drawdown dd = Drawdown.of(curve("100", "120", "90", "96", "108"));
    assertThat(dd.maxDrawdown()).isCloseTo(0.25, EPS);
    assertThat(dd.maxDrawdownPeriods()).isEqualTo(3);
    assertThat(dd.longestDrawdownNanos()).isEqualTo(3 * DAY);
  }

  @Test
  void deepestAndLongestEpisodesCanDiffer() {
    // episode 1: 100 -> 90 -> 100: depth 0.10, 2 periods; episode 2: 100 -> 95 -> 94 -> 93 -> 100:
    // depth 0.07, 4 periods. A value equal to the peak ends an episode.
    Drawdown dd = Drawdown.of(curve("100", "90", "100", "95", "94", "93", "100"));
    assertThat(dd.maxDrawdown()).isCloseTo(0.10, EPS);
    assertThat(dd.maxDrawdownPeriods()).isEqualTo(2);
    assertThat(dd.longestDrawdownPeriods()).isEqualTo(4);
    assertThat(dd.longestDrawdownNanos()).isEqualTo(4 * DAY);
    assertThat(Drawdown.of(curve("100", "101", "102")).maxDrawdown()).isZero();
  }

  private static ClosedTrade trade(String pnl, int hours) {
    return new ClosedTrade(AAPL, OrderSide.BUY, 0, hours * HOUR, d(pnl));
  }

  @Test
  void tradeStatistics() {
    List<ClosedTrade> trades =
        List.of(trade("300", 1), trade("-100", 2), trade("50", 3), trade("-150", 4), trade("0", 5));
    TradeStatistics s = TradeStatistics.of(trades);
    // 2 winners of 5 (break-even is not a win) = 0.4
    assertThat(s.winRate()).isCloseTo(0.4, EPS);
    // (300 + 50) / |-100 - 150| = 350 / 250 = 1.4
    assertThat(s.profitFactor()).isCloseTo(1.4, EPS);
    // (1 + 2 + 3 + 4 + 5) h / 5 = 3 h
    assertThat(s.averageDurationNanos()).isEqualTo(3.0 * HOUR);
    assertThat(s.grossProfit()).isEqualByComparingTo("350");
    assertThat(s.grossLoss()).isEqualByComparingTo("-250");

    assertThat(TradeStatistics.of(List.of(trade("5", 1))).profitFactor()).isInfinite();
    assertThat(TradeStatistics.of(List.of()).winRate()).isNaN();
  }

  @Test
  void alphaAndBetaAgainstABenchmark() {
    // benchmark returns +2 %, -1 %, +3 %, 0 %: 100, 102, 100.98, 104.0094, 104.0094
    List<EquityPoint> bench = curve("100", "102", "100.98", "104.0094", "104.0094");
    // x = 0.02, -0.01, 0.03, 0; mean 0.01; dx = 0.01, -0.02, 0.02, -0.01
    // y = 0.1, -0.1, 0.1, 0.1; mean 0.05; dy = 0.05, -0.15, 0.05, 0.05
    // Sxy = 0.0005 + 0.003 + 0.001 - 0.0005 = 0.004; Sxx = 0.0001 + 0.0004 + 0.0004 + 0.0001 =
    // 0.001
    // beta = 4; alpha = 0.05 - 4 * 0.01 = 0.01 a period; annual 0.01 * 4 = 0.04
    PerformanceReport report = PerformanceMetrics.report(FIVE, List.of(), bench, QUARTERLY);
    assertThat(report.benchmark().beta()).isCloseTo(4.0, within(1e-9));
    assertThat(report.benchmark().alpha()).isCloseTo(0.01, within(1e-9));
    assertThat(report.benchmark().annualAlpha()).isCloseTo(0.04, within(1e-9));
    assertThat(report.sharpe()).isCloseTo(1.0, EPS);
    assertThat(report.drawdown().maxDrawdown()).isCloseTo(0.10, EPS);
  }

  @Test
  void reportWithoutBenchmarkAndInputChecks() {
    assertThat(PerformanceMetrics.report(FIVE, List.of(), null, QUARTERLY).benchmark()).isNull();
    assertThatThrownBy(() -> PerformanceMetrics.report(FIVE, List.of(), curve("1", "2"), QUARTERLY))
        .hasMessage("benchmark has 2 points, the curve 5");
    assertThatThrownBy(() -> PerformanceMetrics.returns(curve("1")))
        .hasMessage("need at least 2 points, got 1");
    assertThatThrownBy(() -> new MetricsConventions(0, 0))
        .hasMessage("periodsPerYear must be > 0, got 0");
  }
}
