/**
 * The framework-free trading core: orders and their state machine, position sizing, the pre-trade
 * risk engine, a paper broker fill model, portfolio accounting and performance metrics.
 *
 * <p>Everything here is deterministic so that a backtest and a replay of the same ticks through the
 * live pipeline agree to the last decimal: time is always passed in (epoch nanoseconds, UTC), there
 * are no threads, no static mutable state and no wall clock. Money, prices and quantities are exact
 * {@link java.math.BigDecimal}s under the policy in {@link io.tickstream.execution.Precision};
 * {@code double} appears only in statistics ({@code metrics}) and sizing fractions.
 *
 * <p>A caller runs one signal through the core like this:
 *
 * <ol>
 *   <li>{@code sizing}: a {@link io.tickstream.execution.sizing.PositionSizer} turns equity, price
 *       and ATR into a target quantity; {@link io.tickstream.execution.sizing.TargetPosition} turns
 *       target minus current position into a {@link io.tickstream.execution.orders.SubmitOrder}
 *       whose id comes from {@link io.tickstream.execution.ClientOrderIds}.
 *   <li>{@code risk}: {@link io.tickstream.execution.risk.RiskEngine#check} approves it or returns
 *       an {@link io.tickstream.execution.orders.OrderDenied} with a {@link
 *       io.tickstream.execution.orders.DenialReason}.
 *   <li>{@code fill}: an approved order is an {@link io.tickstream.execution.orders.OrderSubmitted}
 *       and goes to the {@link io.tickstream.execution.fill.PaperBroker} (or a real venue), which
 *       answers with accepted/rejected and, on later {@link io.tickstream.execution.MarketUpdate}s,
 *       fills, cancels and expiries.
 *   <li>{@code portfolio}: each {@link io.tickstream.execution.orders.OrderFilled} goes to the
 *       {@link io.tickstream.execution.portfolio.Portfolio}, which answers with a {@link
 *       io.tickstream.execution.portfolio.PositionChanged}; market updates mark it to market.
 *   <li>{@code metrics}: the equity curve and closed trades feed {@link
 *       io.tickstream.execution.metrics.PerformanceMetrics}.
 * </ol>
 */
package io.tickstream.execution;
