package io.tickstream.execution.backtest.store;

import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.metrics.PerformanceReport;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A backtest run as stored: what was asked, by whom, its state, and (once it succeeded) its result.
 * The lists may be one page of the stored rows ({@link BacktestStore#find(UUID, Page)}); the counts
 * are always the totals.
 *
 * @param id the run id
 * @param createdBy who asked (the API's token subject, or {@code cli:<user>})
 * @param request what was asked
 * @param status where the run is
 * @param error why it failed, else null
 * @param createdAt when it was accepted
 * @param startedAt when a worker took it, or null
 * @param finishedAt when it succeeded or failed, or null
 * @param bars bars read, or null before success
 * @param finalEquity final equity, or null before success
 * @param ordersDenied orders the risk engine denied, or null before success
 * @param report the metrics, or null (not finished, or fewer than two curve points)
 * @param fills fills of the page
 * @param trades round trips of the page
 * @param equity curve points of the page
 * @param fillCount all fills of the run
 * @param tradeCount all round trips of the run
 * @param equityCount all curve points of the run
 */
public record StoredBacktest(
    UUID id,
    String createdBy,
    BacktestRequest request,
    RunStatus status,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Long bars,
    BigDecimal finalEquity,
    Integer ordersDenied,
    PerformanceReport report,
    List<OrderFilled> fills,
    List<ClosedTrade> trades,
    List<EquityPoint> equity,
    int fillCount,
    int tradeCount,
    int equityCount) {

  public StoredBacktest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    fills = List.copyOf(fills);
    trades = List.copyOf(trades);
    equity = List.copyOf(equity);
  }

  /**
   * The stored result as the engine returned it; only for a succeeded run read in full (else an
   * {@link IllegalStateException}).
   */
  public BacktestResult result() {
    if (status != RunStatus.SUCCEEDED) {
      throw new IllegalStateException("run " + id + " is " + status + ", not SUCCEEDED");
    }
    if (fills.size() != fillCount || trades.size() != tradeCount || equity.size() != equityCount) {
      throw new IllegalStateException("run " + id + " was read by page, not in full");
    }
    return new BacktestResult(bars, fills, trades, equity, finalEquity, ordersDenied, report);
  }
}
