package io.tickstream.execution.engine;

import io.tickstream.execution.orders.TimeInForce;
import java.util.Objects;

/**
 * How a {@link TradingEngine} turns signals into orders.
 *
 * @param timeInForce of the market orders it sends; GTC suits bars that span sessions, DAY expires
 *     an unfilled order at the session end of the fill model
 * @param actOnChangeOnly when true (default), a signal whose direction equals the last one acted on
 *     for its (instrument, strategy) sends nothing: positions follow direction changes, as in ta4j
 *     and most backtesters, and a repeated signal costs no sizing, hashing or risk work. When
 *     false, every signal re-sizes and may send a rebalancing order (e.g. fixed notional after a
 *     move).
 */
public record EngineOptions(TimeInForce timeInForce, boolean actOnChangeOnly) {

  /** GTC market orders, acting on direction changes only. */
  public static final EngineOptions DEFAULT = new EngineOptions(TimeInForce.GTC, true);

  public EngineOptions {
    Objects.requireNonNull(timeInForce, "timeInForce");
  }
}
