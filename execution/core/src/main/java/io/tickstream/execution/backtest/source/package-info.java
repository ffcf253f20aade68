/**
 * Where backtest bars come from: the {@link io.tickstream.execution.backtest.source.BarSource}
 * contract (time-ordered across instruments), CSV files, the {@code bars} and {@code trades} tables
 * through a streaming JDBC cursor ({@link io.tickstream.execution.backtest.source.JdbcBarSource},
 * {@link io.tickstream.execution.backtest.source.JdbcTradeSource}), trades aggregated to bars, and
 * in-memory {@link io.tickstream.execution.backtest.source.HistoricalBars} for repeated runs.
 */
package io.tickstream.execution.backtest.source;
