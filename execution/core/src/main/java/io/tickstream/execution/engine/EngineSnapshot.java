package io.tickstream.execution.engine;

import io.tickstream.execution.portfolio.ClosedTrade;
import io.tickstream.execution.portfolio.Position;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.signals.Direction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link TradingEngine} needs to continue after a restart, as plain data (records,
 * lists, maps of strings and decimals), so a service can serialise it to a changelogged store.
 * Collections are sorted (by id, or oldest first), so equal states give equal snapshots.
 *
 * <p>Not included, because it is configuration passed to the constructor again: instruments,
 * limits, sizer, fill model and options.
 *
 * @param accountId the account
 * @param mode the risk engine's mode (a halt survives a restart)
 * @param cash portfolio cash
 * @param peakEquity high-water mark of equity (drawdown limit)
 * @param positions every position ever opened, flat ones included (they carry realized PnL)
 * @param marks latest mark per instrument
 * @param referencePrices latest market price per instrument (sizing and risk reference)
 * @param processedSignalIds client order ids of signals already acted on, sorted (de-duplication)
 * @param actedDirections last direction acted on per strategy
 * @param riskSeenIds client order ids the risk engine has checked, sorted
 * @param riskApprovals times of approved orders still in the rate window, oldest first
 * @param openOrders orders working at the venue, in arrival order
 * @param closedTrades completed round trips, oldest first (for reports; may be emptied to save
 *     space without changing trading)
 */
public record EngineSnapshot(
    String accountId,
    TradingMode mode,
    BigDecimal cash,
    BigDecimal peakEquity,
    List<Position> positions,
    Map<String, BigDecimal> marks,
    Map<String, BigDecimal> referencePrices,
    List<String> processedSignalIds,
    List<ActedDirection> actedDirections,
    List<String> riskSeenIds,
    List<Long> riskApprovals,
    List<OpenOrder> openOrders,
    List<ClosedTrade> closedTrades) {

  public EngineSnapshot {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(peakEquity, "peakEquity");
    positions = List.copyOf(positions);
    marks = Map.copyOf(marks);
    referencePrices = Map.copyOf(referencePrices);
    processedSignalIds = List.copyOf(processedSignalIds);
    actedDirections = List.copyOf(actedDirections);
    riskSeenIds = List.copyOf(riskSeenIds);
    riskApprovals = List.copyOf(riskApprovals);
    openOrders = List.copyOf(openOrders);
    closedTrades = List.copyOf(closedTrades);
  }

  /**
   * The direction a strategy's last acted-on signal asked for in an instrument.
   *
   * @param instrumentId SYMBOL.VENUE
   * @param strategyId the strategy
   * @param direction the direction
   */
  public record ActedDirection(String instrumentId, String strategyId, Direction direction) {
    public ActedDirection {
      Objects.requireNonNull(instrumentId, "instrumentId");
      Objects.requireNonNull(strategyId, "strategyId");
      Objects.requireNonNull(direction, "direction");
    }
  }
}
