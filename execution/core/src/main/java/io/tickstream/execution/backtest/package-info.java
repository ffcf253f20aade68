/**
 * Backtests over historical bars through the live {@link
 * io.tickstream.execution.engine.TradingEngine}: {@link io.tickstream.execution.backtest.Backtest}
 * with its {@link io.tickstream.execution.backtest.BacktestConfig}, the no-look-ahead bar updates
 * ({@link io.tickstream.execution.backtest.BarUpdates}) and strategies described as data ({@link
 * io.tickstream.execution.backtest.StrategyPlan}).
 */
package io.tickstream.execution.backtest;
