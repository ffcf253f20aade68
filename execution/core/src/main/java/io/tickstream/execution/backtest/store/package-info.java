/**
 * Backtests in PostgreSQL: {@link io.tickstream.execution.backtest.store.BacktestStore} writes a
 * run and its result (exact decimals as NUMERIC, times as epoch nanoseconds) and reads it back
 * equal; {@link io.tickstream.execution.backtest.store.DatabaseBacktest} runs a request over the
 * {@code bars} or {@code trades} table, streamed. Plain JDBC ({@code java.sql}), so the CLI and the
 * API share it; the tables come from the sink's migration V5.
 */
package io.tickstream.execution.backtest.store;
