package io.tickstream.execution.backtest;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.sizing.PositionSizer;
import java.util.Objects;

/**
 * One backtest: the account and its trading rules (the same as live: sizing, risk limits, fills
 * with commissions and slippage, order options), the strategy, and how to report.
 *
 * @param account starting cash and risk limits
 * @param instruments tradable instruments; bars of others (a benchmark) are market data only
 * @param sizer position sizing
 * @param fillModel slippage, participation and commissions of the paper broker
 * @param options how signals become orders
 * @param strategy built afresh for each instrument
 * @param atrPeriod period of the ATR given to the sizer (for ATR sizing), 0 for none
 * @param benchmarkInstrumentId instrument whose closes are the benchmark for alpha and beta, or
 *     null for none; its bars must be in the source
 * @param conventions annualisation and risk-free rate of the report (periods per year must match
 *     the bar spacing)
 */
public record BacktestConfig(
    AccountConfig account,
    Instruments instruments,
    PositionSizer sizer,
    FillModel fillModel,
    EngineOptions options,
    StrategyPlan strategy,
    int atrPeriod,
    String benchmarkInstrumentId,
    MetricsConventions conventions) {

  public BacktestConfig {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instruments, "instruments");
    Objects.requireNonNull(sizer, "sizer");
    Objects.requireNonNull(fillModel, "fillModel");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(conventions, "conventions");
    if (atrPeriod < 0) {
      throw new IllegalArgumentException("atrPeriod must be >= 0, got " + atrPeriod);
    }
  }

  /** The same backtest with another strategy (parameter sweeps). */
  public BacktestConfig withStrategy(StrategyPlan plan) {
    return new BacktestConfig(
        account,
        instruments,
        sizer,
        fillModel,
        options,
        plan,
        atrPeriod,
        benchmarkInstrumentId,
        conventions);
  }

  /** The same backtest trading other instruments (a sweep case of one instrument). */
  public BacktestConfig withInstruments(Instruments tradable) {
    return new BacktestConfig(
        account,
        tradable,
        sizer,
        fillModel,
        options,
        strategy,
        atrPeriod,
        benchmarkInstrumentId,
        conventions);
  }

  /** The same backtest with another benchmark (null for none). */
  public BacktestConfig withBenchmark(String instrumentId) {
    return new BacktestConfig(
        account,
        instruments,
        sizer,
        fillModel,
        options,
        strategy,
        atrPeriod,
        instrumentId,
        conventions);
  }
}
