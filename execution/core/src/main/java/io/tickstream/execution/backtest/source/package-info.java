/**
 * Where backtest bars come from: the {@link io.tickstream.execution.backtest.source.BarSource}
 * contract (time-ordered across instruments; a JDBC cursor implements it elsewhere), CSV files,
 * trades aggregated to bars, and in-memory {@link
 * io.tickstream.execution.backtest.source.HistoricalBars} for repeated runs.
 */
package io.tickstream.execution.backtest.source;
