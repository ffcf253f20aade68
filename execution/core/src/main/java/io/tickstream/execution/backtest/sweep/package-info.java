/**
 * Many backtests at once: parameter grids and sweeps ranked by a metric on a caller's executor,
 * walk-forward analysis, and Monte Carlo resampling of trades. Results never depend on the
 * executor's parallelism.
 */
package io.tickstream.execution.backtest.sweep;
