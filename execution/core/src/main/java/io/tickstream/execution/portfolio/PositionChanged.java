package io.tickstream.execution.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fill changed a position.
 *
 * @param accountId the account
 * @param instrumentId SYMBOL.VENUE
 * @param quantity signed position after the fill
 * @param avgCost average entry price after the fill
 * @param realizedPnl realized PnL of the instrument, net of commissions, after the fill
 * @param unrealizedPnl unrealized PnL at the instrument's mark after the fill
 * @param cash account cash after the fill
 * @param tsEvent fill time, epoch nanoseconds
 */
public record PositionChanged(
    String accountId,
    String instrumentId,
    BigDecimal quantity,
    BigDecimal avgCost,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal cash,
    long tsEvent) {

  public PositionChanged {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(avgCost, "avgCost");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    Objects.requireNonNull(cash, "cash");
  }
}
