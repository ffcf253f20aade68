package io.tickstream.execution.backtest;

import static io.tickstream.execution.backtest.BacktestFixture.AAPL_INSTRUMENT;
import static io.tickstream.execution.backtest.BacktestFixture.NO_COSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.sizing.FixedQuantitySizer;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.criteria.pnl.ProfitLossCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Our backtest against ta4j 0.17's {@code BarSeriesManager} with {@code TradeOnNextOpenModel}, on
 * real bars (AAPL 2013, daily), for a long-only SMA crossover without costs.
 *
 * <p>Sizing is one share in both. ta4j's {@code ReturnCriterion} is the product of each position's
 * exit / entry price, independent of size; an all-in account only compounds to the same figure if
 * it buys exactly equity / fill price, but our sizer must decide on the signal bar's close, before
 * the next open is known (no look-ahead), so all-in would leave a residue of cash and differ. With
 * one share both sides are exact: the same fills give the same product of price ratios, the same
 * money PnL (ta4j's {@code ProfitLossCriterion}), and our equity-curve total return equals that PnL
 * over starting cash.
 *
 * <p>Periods are chosen so the fast SMA is below the slow one when ours finishes warming up: ta4j
 * averages partial windows before then and enters only on a cross, ours enters as soon as it is
 * warm and above; from a below-start both wait for the same first cross.
 */
class Ta4jCrossCheckTest {

  private static final BigDecimal CASH = new BigDecimal("10000");

  @ParameterizedTest(name = "SMA {0}/{1}")
  @CsvSource({"5,20", "10,30", "3,15"})
  void sameTradesAndReturnAsTa4j(int fast, int slow) {
    HistoricalBars year = BacktestFixture.aapl2013();
    assertThat(year.size()).isEqualTo(252);
    // Both end on the bar of ta4j's last exit, so no position is left open and the account's
    // total return is pure realized PnL, comparable with ta4j's.
    TradingRecord full = ta4j(series(year.bars()), fast, slow);
    int lastExit = full.getLastExit().getIndex();
    HistoricalBars bars = HistoricalBars.of(year.bars().subList(0, lastExit + 1));

    BacktestResult ours =
        Backtest.run(
            BacktestFixture.config(
                CASH.toPlainString(),
                Instruments.of(AAPL_INSTRUMENT),
                new FixedQuantitySizer(BigDecimal.ONE),
                NO_COSTS,
                fast,
                slow),
            bars.source(),
            BacktestProgress.NONE);

    BarSeries series = series(bars.bars());
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    assertThat(f.getValue(slow - 1).isLessThan(s.getValue(slow - 1)))
        .as("fast below slow at warm-up end (see class comment)")
        .isTrue();
    TradingRecord record =
        new BarSeriesManager(series, new TradeOnNextOpenModel())
            .run(
                new BaseStrategy(
                    new CrossedUpIndicatorRule(f, s),
                    new CrossedDownIndicatorRule(f, s),
                    slow - 1));

    // Same entry and exit bars (our fills happen at the open of the bar after the signal).
    List<Integer> ta4jBars = new ArrayList<>();
    for (Position p : record.getPositions()) {
      ta4jBars.add(p.getEntry().getIndex());
      ta4jBars.add(p.getExit().getIndex());
    }
    if (record.getCurrentPosition().isOpened()) {
      ta4jBars.add(record.getCurrentPosition().getEntry().getIndex());
    }
    List<Integer> ourBars = new ArrayList<>();
    for (OrderFilled fill : ours.fills()) {
      ourBars.add(indexOf(bars.bars(), fill.tsEvent()));
    }
    assertThat(ourBars).isNotEmpty().isEqualTo(ta4jBars);
    assertThat(ours.fills().get(0).side()).isEqualTo(OrderSide.BUY);

    // Same product of exit / entry over closed positions.
    BigDecimal ratio = BigDecimal.ONE;
    for (int i = 0; i + 1 < ours.fills().size(); i += 2) {
      ratio =
          ratio.multiply(
              ours.fills()
                  .get(i + 1)
                  .lastPx()
                  .divide(ours.fills().get(i).lastPx(), MathContext.DECIMAL128));
    }
    double ta4jReturn = new ReturnCriterion().calculate(series, record).doubleValue();
    assertThat(ratio.doubleValue()).isCloseTo(ta4jReturn, within(1e-9 * ta4jReturn));

    // Same money PnL of closed trades, and the same total return on the account.
    BigDecimal pnl =
        ours.trades().stream().map(t -> t.pnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
    double ta4jPnl = new ProfitLossCriterion().calculate(series, record).doubleValue();
    assertThat(pnl.doubleValue()).isCloseTo(ta4jPnl, within(1e-9 * Math.abs(ta4jPnl)));
    assertThat(ours.finalEquity()).isEqualByComparingTo(CASH.add(pnl));
    double total = ours.report().totalReturn();
    assertThat(total).isCloseTo(ta4jPnl / CASH.doubleValue(), within(1e-9 * Math.abs(total)));
  }

  private static TradingRecord ta4j(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    assertThat(f.getValue(slow - 1).isLessThan(s.getValue(slow - 1)))
        .as("fast below slow at warm-up end (see class comment)")
        .isTrue();
    return new BarSeriesManager(series, new TradeOnNextOpenModel())
        .run(
            new BaseStrategy(
                new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s), slow - 1));
  }

  private static int indexOf(List<Bar> bars, long fillTs) {
    for (int i = 0; i < bars.size(); i++) {
      if (bars.get(i).start() + 1 == fillTs) {
        return i;
      }
    }
    throw new AssertionError("no bar opens at " + fillTs);
  }

  private static BarSeries series(List<Bar> bars) {
    BarSeries series = new BaseBarSeriesBuilder().withName("AAPL").build();
    for (Bar b : bars) {
      series.addBar(
          Duration.ofDays(1),
          Instant.ofEpochSecond(0, b.end()).atZone(ZoneOffset.UTC),
          b.open(),
          b.high(),
          b.low(),
          b.close(),
          b.volume());
    }
    return series;
  }
}
