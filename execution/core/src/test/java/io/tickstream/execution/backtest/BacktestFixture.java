package io.tickstream.execution.backtest;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.source.CsvBarSource;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.PositionSizer;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Shared backtest set-up: the AAPL 2013 daily bars of ta4j-examples and a roomy account. */
final class BacktestFixture {

  static final String AAPL = "AAPL.XNAS";
  static final String AAPL_RESOURCE = "/appleinc_bars_from_20130101_usd.csv";
  static final Instrument AAPL_INSTRUMENT =
      new Instrument(AAPL, new BigDecimal("0.01"), BigDecimal.ONE);
  static final FillModel NO_COSTS =
      new FillModel(BigDecimal.ZERO, BigDecimal.ONE, CommissionSchedule.FREE, LocalTime.of(21, 0));

  private BacktestFixture() {}

  /** The 252 daily bars of AAPL in 2013 ({@code date,open,high,low,close,volume}). */
  static HistoricalBars aapl2013() {
    InputStreamReader reader =
        new InputStreamReader(
            Objects.requireNonNull(
                BacktestFixture.class.getResourceAsStream(AAPL_RESOURCE), AAPL_RESOURCE),
            StandardCharsets.UTF_8);
    return HistoricalBars.load(new CsvBarSource(reader, AAPL_RESOURCE, AAPL, "1d"));
  }

  /** Limits far from anything these tests trade. */
  static AccountConfig account(String cash) {
    BigDecimal big = new BigDecimal("1000000000");
    return new AccountConfig(
        "BT-1",
        "USD",
        new BigDecimal(cash),
        new RiskLimits(
            big, big, big, big, 1_000, 1_000_000_000L, big, new BigDecimal("0.99"), Set.of()));
  }

  static BacktestConfig config(
      String cash,
      Instruments instruments,
      PositionSizer sizer,
      FillModel fills,
      int fast,
      int slow) {
    return new BacktestConfig(
        account(cash),
        instruments,
        sizer,
        fills,
        EngineOptions.DEFAULT,
        StrategyPlan.named("ma-crossover", Map.of("fast", fast, "slow", slow, "allowShort", false)),
        0,
        null,
        MetricsConventions.DAILY);
  }
}
