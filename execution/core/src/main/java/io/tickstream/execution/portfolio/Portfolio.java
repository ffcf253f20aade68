package io.tickstream.execution.portfolio;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.risk.AccountState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exact accounting of one account in one currency: cash, positions, marks and equity.
 *
 * <ul>
 *   <li>A buy fill takes {@code qty * price + commission} from cash; a sell adds {@code qty * price
 *       - commission}. Shorts are cash-funded: selling short raises cash, and the negative
 *       position's value is subtracted from equity.
 *   <li>{@code equity = cash + sum(quantity * mark)}, where the mark is the latest price given to
 *       {@link #mark} (the last price of a {@link MarketUpdate}); a position never marked is valued
 *       at its average cost, i.e. no unrealized PnL is invented before a price is seen.
 *   <li>The high-water mark of equity is updated on every fill and mark; the risk engine's drawdown
 *       limit reads it from {@link #accountState}.
 * </ul>
 *
 * All arithmetic is exact except average cost (see {@link Position}). Not thread-safe.
 */
public final class Portfolio {

  private final String accountId;
  private BigDecimal cash;
  private BigDecimal peakEquity;
  // Every change of cash, positions or marks goes through updatePeak, which recomputes this, so
  // equity() is a field read: a backtest asks for it once or twice per bar.
  private BigDecimal equity;
  // Hash maps: a backtest looks both up several times per bar, and no caller sees their order (the
  // accessors hand out Map.copyOf, which has none, and every sum over them is exact, so the order
  // of its terms changes neither its value nor its scale).
  private final Map<String, Position> positions = new HashMap<>();
  private final Map<String, BigDecimal> marks = new HashMap<>();
  private final List<ClosedTrade> closedTrades = new ArrayList<>();

  /** An account holding only {@code startingCash}. */
  public Portfolio(String accountId, BigDecimal startingCash) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.cash = Objects.requireNonNull(startingCash, "startingCash");
    this.peakEquity = startingCash;
    this.equity = startingCash;
  }

  /** An account holding only the configured starting cash. */
  public static Portfolio open(AccountConfig config) {
    return new Portfolio(config.accountId(), config.startingCash());
  }

  /**
   * An account as a snapshot left it (restart of a live service): the values of {@link #cash},
   * {@link #peakEquity}, {@link #positions}, {@link #marks} and {@link #closedTrades}.
   */
  public static Portfolio restore(
      String accountId,
      BigDecimal cash,
      BigDecimal peakEquity,
      Collection<Position> positions,
      Map<String, BigDecimal> marks,
      List<ClosedTrade> closedTrades) {
    Portfolio p = new Portfolio(accountId, cash);
    p.peakEquity = Objects.requireNonNull(peakEquity, "peakEquity");
    for (Position position : positions) {
      p.positions.put(position.instrumentId(), position);
    }
    p.marks.putAll(marks);
    p.closedTrades.addAll(closedTrades);
    p.equity = p.cash.add(p.positionsValue());
    return p;
  }

  /** Books a fill: cash, position, realized PnL; returns the resulting position change. */
  public PositionChanged apply(OrderFilled fill) {
    Position before = position(fill.instrumentId());
    Position.Transition t =
        before.apply(fill.side(), fill.lastQty(), fill.lastPx(), fill.commission(), fill.tsEvent());
    positions.put(fill.instrumentId(), t.position());
    if (t.closedTrade() != null) {
      closedTrades.add(t.closedTrade());
    }
    cash = cash.subtract(fill.side().signed(fill.notional())).subtract(fill.commission());
    updatePeak();
    Position after = t.position();
    return new PositionChanged(
        accountId,
        fill.instrumentId(),
        after.quantity(),
        after.avgCost(),
        after.realizedPnl(),
        after.unrealizedPnl(markOf(after)),
        cash,
        fill.tsEvent());
  }

  /** Marks {@code instrumentId} to {@code price}. */
  public void mark(String instrumentId, BigDecimal price) {
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("mark price must be > 0, got " + price);
    }
    BigDecimal before = marks.put(instrumentId, price);
    // The same mark again (a bar opening at the previous close, a fill's mark before booking) gives
    // the same equity, and the peak already holds it: skip the sum over the positions. equals, not
    // compareTo: a mark of another scale changes the scale of equity, so it is recomputed.
    if (!price.equals(before)) {
      updatePeak();
    }
  }

  /** Marks the update's instrument to its last price. */
  public void mark(MarketUpdate update) {
    mark(update.instrumentId(), update.last());
  }

  private void updatePeak() {
    equity = cash.add(positionsValue());
    peakEquity = peakEquity.max(equity);
  }

  private BigDecimal markOf(Position p) {
    return marks.getOrDefault(p.instrumentId(), p.avgCost());
  }

  /** The position in {@code instrumentId}; flat when never traded. */
  public Position position(String instrumentId) {
    return positions.getOrDefault(instrumentId, Position.flat(instrumentId));
  }

  /** True when no position is held in {@code instrumentId} (never traded, or back to zero). */
  public boolean isFlat(String instrumentId) {
    Position p = positions.get(instrumentId);
    return p == null || p.isFlat();
  }

  /** Every instrument traded so far, by id. */
  public Map<String, Position> positions() {
    return Map.copyOf(positions);
  }

  /** The latest mark per instrument, by id. */
  public Map<String, BigDecimal> marks() {
    return Map.copyOf(marks);
  }

  /** Cash. */
  public BigDecimal cash() {
    return cash;
  }

  /** Signed value of all positions at their marks. */
  public BigDecimal positionsValue() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.quantity().multiply(markOf(p)));
    }
    return total;
  }

  /** Sum of |quantity| times mark over all positions. */
  public BigDecimal grossExposure() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.quantity().abs().multiply(markOf(p)));
    }
    return total;
  }

  /** {@code cash + positionsValue()}. */
  public BigDecimal equity() {
    return equity;
  }

  /** Highest equity seen at any fill or mark, starting cash included. */
  public BigDecimal peakEquity() {
    return peakEquity;
  }

  /** Realized PnL over all instruments, net of commissions. */
  public BigDecimal realizedPnl() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.realizedPnl());
    }
    return total;
  }

  /** Unrealized PnL over all open positions at their marks. */
  public BigDecimal unrealizedPnl() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.unrealizedPnl(markOf(p)));
    }
    return total;
  }

  /** Forgets the closed trades (reporting only), for a long-running account that keeps none. */
  public void forgetClosedTrades() {
    closedTrades.clear();
  }

  /** Completed round trips, oldest first. */
  public List<ClosedTrade> closedTrades() {
    return List.copyOf(closedTrades);
  }

  /** The account as the risk engine sees it, with the notional of orders still working. */
  public AccountState accountState(BigDecimal openOrdersNotional) {
    // Called for every order: one pass over the positions builds the immutable map AccountState
    // keeps (Map.copyOf returns an immutable map as it is) and the gross exposure.
    @SuppressWarnings("unchecked")
    Map.Entry<String, BigDecimal>[] signed = new Map.Entry[positions.size()];
    BigDecimal gross = BigDecimal.ZERO;
    int i = 0;
    for (Map.Entry<String, Position> e : positions.entrySet()) {
      Position p = e.getValue();
      signed[i++] = Map.entry(e.getKey(), p.quantity());
      gross = gross.add(p.quantity().abs().multiply(markOf(p)));
    }
    return new AccountState(
        accountId, equity(), peakEquity, gross, openOrdersNotional, Map.ofEntries(signed));
  }
}
