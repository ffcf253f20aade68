/**
 * One account's trading loop shared by the live service and the backtest: {@link
 * io.tickstream.execution.engine.TradingEngine} (signal de-duplication, sizing, target-position
 * orders, pre-trade risk, venue, portfolio), the {@link
 * io.tickstream.execution.engine.ExecutionVenue} it sends to, and {@link
 * io.tickstream.execution.engine.EngineSnapshot} for restarts.
 */
package io.tickstream.execution.engine;
