package io.tickstream.execution.engine;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.ClientOrderIds;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.execution.risk.RiskDecision;
import io.tickstream.execution.risk.RiskEngine;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.execution.sizing.PositionSizer;
import io.tickstream.execution.sizing.SizingInput;
import io.tickstream.execution.sizing.TargetPosition;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One account's trading loop, shared by the live service and the backtest: market data marks the
 * portfolio and fills working orders; a signal is de-duplicated, sized, turned into a market order
 * towards its target position, checked by the risk engine and sent to the {@link ExecutionVenue}.
 *
 * <p>Deterministic and single-threaded: time is passed in; the same calls in the same order give
 * the same events. Every method returns what happened as {@link EngineEvent}s, in order.
 *
 * <p>De-duplication: a signal's client order id is {@link ClientOrderIds#fromSignal}; an id seen
 * before returns nothing (a replay after a restart or an at-least-once redelivery). With {@link
 * EngineOptions#actOnChangeOnly}, a signal repeating the last acted-on direction of its
 * (instrument, strategy) returns nothing before any hashing, sizing or decimal work. Several
 * strategies on one instrument share the account's position: combine them with an ensemble, or give
 * each an account.
 */
public final class TradingEngine {

  private final AccountConfig account;
  private final Instruments instruments;
  private final PositionSizer sizer;
  private final RiskEngine risk;
  private final ExecutionVenue venue;
  private final EngineOptions options;
  private final Portfolio portfolio;
  private final Map<String, BigDecimal> referencePrices = new HashMap<>();
  private final Set<String> processedSignalIds = new HashSet<>();
  // instrument -> strategy -> direction: two lookups, no key object per signal.
  private final Map<String, Map<String, Direction>> acted = new HashMap<>();

  /** A fresh account (starting cash, no positions, mode NORMAL) trading through {@code venue}. */
  public TradingEngine(
      AccountConfig account,
      Instruments instruments,
      PositionSizer sizer,
      ExecutionVenue venue,
      EngineOptions options) {
    this(account, instruments, sizer, venue, options, Portfolio.open(account));
  }

  /** An engine over an existing portfolio (restore). */
  TradingEngine(
      AccountConfig account,
      Instruments instruments,
      PositionSizer sizer,
      ExecutionVenue venue,
      EngineOptions options,
      Portfolio portfolio) {
    this.account = Objects.requireNonNull(account, "account");
    this.instruments = Objects.requireNonNull(instruments, "instruments");
    this.sizer = Objects.requireNonNull(sizer, "sizer");
    this.venue = Objects.requireNonNull(venue, "venue");
    this.options = Objects.requireNonNull(options, "options");
    this.portfolio = portfolio;
    this.risk = new RiskEngine(instruments, account.limits());
  }

  /**
   * An engine continuing from {@code snapshot}, with the same configuration as the one that took
   * it. {@code venue} must be fresh: the snapshot's open orders are restored into it.
   */
  public static TradingEngine restore(
      EngineSnapshot snapshot,
      AccountConfig account,
      Instruments instruments,
      PositionSizer sizer,
      ExecutionVenue venue,
      EngineOptions options) {
    return EngineSnapshots.restore(snapshot, account, instruments, sizer, venue, options);
  }

  /**
   * Market data: the venue fills what it can, fills are booked, a held instrument is marked to the
   * update's last price and the drawdown kill switch is checked. The update also becomes the
   * instrument's reference price for sizing and risk.
   */
  public List<EngineEvent> onMarketUpdate(MarketUpdate update) {
    String id = update.instrumentId();
    referencePrices.put(id, update.last());
    List<OrderEvent> fromVenue = venue.onMarketUpdate(update);
    List<EngineEvent> out = fromVenue.isEmpty() ? List.of() : book(fromVenue);
    // A flat position is worth zero at any mark, so marking it would change nothing: skipping it
    // keeps the common no-position bar free of decimal work. Fills mark first (see book).
    if (!portfolio.isFlat(id)) {
      portfolio.mark(update);
      out = observeDrawdown(out, update.tsEvent());
    }
    return out;
  }

  /** Time moved to {@code now} without market data (e.g. a session end): expiries. */
  public List<EngineEvent> advanceTo(long now) {
    List<OrderEvent> fromVenue = venue.advanceTo(now);
    return fromVenue.isEmpty() ? List.of() : book(fromVenue);
  }

  /**
   * An event a live venue reported on its own (a fill, a cancel, an expiry): recorded like those
   * {@link ExecutionVenue#onMarketUpdate} returns.
   */
  public List<EngineEvent> onVenueEvent(OrderEvent event) {
    return book(List.of(event));
  }

  /** {@link #onSignal(Signal, int, BigDecimal, long)} without an ATR. */
  public List<EngineEvent> onSignal(Signal signal, int barRevision, long now) {
    return onSignal(signal, barRevision, null, now);
  }

  /**
   * A strategy's signal: de-duplicate, size, order towards the target, risk check, send.
   *
   * @param signal the signal
   * @param barRevision revision of the bar it was computed on (part of the client order id)
   * @param atr average true range of the instrument for ATR sizing, or null
   * @param now event time of the decision, epoch nanoseconds (the order's {@code tsInit})
   * @return nothing (a duplicate, a repeat, or already at target), or the order's denial, or its
   *     submission and the venue's answer
   */
  public List<EngineEvent> onSignal(Signal signal, int barRevision, BigDecimal atr, long now) {
    Map<String, Direction> byStrategy =
        acted.computeIfAbsent(signal.instrumentId(), k -> new HashMap<>());
    Direction last = byStrategy.getOrDefault(signal.strategyId(), Direction.FLAT);
    if (options.actOnChangeOnly() && last == signal.direction()) {
      return List.of();
    }
    String clientOrderId = ClientOrderIds.fromSignal(signal, barRevision, account.accountId());
    if (!processedSignalIds.add(clientOrderId)) {
      return List.of();
    }
    Optional<Instrument> instrument = instruments.find(signal.instrumentId());
    BigDecimal ref = referencePrices.get(signal.instrumentId());
    if (instrument.isEmpty() || ref == null) {
      return List.of(
          deny(
              signal,
              clientOrderId,
              instrument.isEmpty()
                  ? DenialReason.UNKNOWN_INSTRUMENT
                  : DenialReason.MISSING_REFERENCE_PRICE,
              now));
    }
    BigDecimal size =
        signal.direction() == Direction.FLAT
            ? BigDecimal.ZERO
            : sizer.quantity(new SizingInput(instrument.get(), ref, portfolio.equity(), atr));
    BigDecimal current =
        portfolio
            .position(signal.instrumentId())
            .quantity()
            .add(WorkingOrders.signedQuantity(venue, signal.instrumentId()));
    Optional<SubmitOrder> order =
        TargetPosition.forSignal(signal, size)
            .marketOrderFrom(
                current,
                clientOrderId,
                account.accountId(),
                signal.strategyId(),
                options.timeInForce(),
                now);
    if (order.isEmpty()) {
      byStrategy.put(signal.strategyId(), signal.direction());
      return List.of();
    }
    TradingMode before = risk.mode();
    RiskDecision decision =
        risk.check(
            order.get(),
            portfolio.accountState(WorkingOrders.notional(venue, referencePrices)),
            referencePrices,
            now);
    List<EngineEvent> out = new ArrayList<>();
    if (decision instanceof RiskDecision.Approved approved) {
      // Only an order that went out counts as acted on: after a denial the next bar's signal in
      // the same direction (a new id) tries again.
      byStrategy.put(signal.strategyId(), signal.direction());
      out.add(new EngineEvent.OrderUpdate(approved.submitted()));
      for (OrderEvent e : venue.submit(order.get(), now)) {
        out.add(new EngineEvent.OrderUpdate(e));
      }
    } else {
      out.add(new EngineEvent.OrderUpdate(((RiskDecision.Denied) decision).denial()));
    }
    if (risk.mode() != before) {
      out.add(modeChanged(before, risk.mode(), "drawdown limit breached", now));
    }
    return out;
  }

  /**
   * Operator control: NORMAL resumes, REDUCING allows only position-reducing orders, HALTED stops
   * all orders and cancels working ones (the kill switch).
   */
  public List<EngineEvent> onControl(TradingMode mode, String reason, long now) {
    TradingMode before = risk.mode();
    List<EngineEvent> out = new ArrayList<>();
    if (mode == before) {
      return out;
    }
    risk.setMode(mode);
    out.add(modeChanged(before, mode, reason, now));
    if (mode == TradingMode.HALTED) {
      // A live venue may answer a cancel with the fills that beat it: booked like any fill.
      List<OrderEvent> fromVenue = new ArrayList<>();
      for (Order o : venue.workingOrders()) {
        fromVenue.addAll(venue.cancel(new CancelOrder(o.command().clientOrderId(), now), now));
      }
      if (!fromVenue.isEmpty()) {
        out.addAll(book(fromVenue));
      }
    }
    return out;
  }

  /**
   * Forgets what grows without bound and trading does not need: the client order ids of processed
   * signals and risk-checked orders, closed trades, and the venue's done orders. For a long-running
   * caller that de-duplicates signals durably before calling {@link #onSignal} (the execution
   * service's dedupe store) and reports trades from its events, so memory and snapshots stay
   * bounded.
   */
  public void forgetHistory() {
    processedSignalIds.clear();
    risk.forgetSeenIds();
    portfolio.forgetClosedTrades();
    venue.forgetDoneOrders();
  }

  /**
   * Forgets the client order ids seen so far (of processed signals, of risk-checked orders, and of
   * the venue's done orders), keeping closed trades. Only for a caller that guarantees no signal it
   * passes later can repeat an earlier one's id: the engine's duplicate checks then never refuse
   * anything, and the sets they keep only grow. A backtest is such a caller: it checks that every
   * instrument's signals end strictly after the previous one, so no (instrument, bar end) and hence
   * no id comes twice ({@link io.tickstream.execution.backtest.Backtest}).
   */
  public void forgetOrderIds() {
    processedSignalIds.clear();
    risk.forgetSeenIds();
    venue.forgetDoneOrders();
  }

  /** The direction last acted on for {@code strategyId} in {@code instrumentId}; FLAT if none. */
  public Direction lastActed(String instrumentId, String strategyId) {
    Map<String, Direction> byStrategy = acted.get(instrumentId);
    return byStrategy == null
        ? Direction.FLAT
        : byStrategy.getOrDefault(strategyId, Direction.FLAT);
  }

  /** The state needed to continue after a restart; see {@link EngineSnapshot}. */
  public EngineSnapshot snapshot() {
    return EngineSnapshots.of(this);
  }

  /** The account's accounting (read it; changing it bypasses the engine). */
  public Portfolio portfolio() {
    return portfolio;
  }

  /**
   * True when an update of {@code instrumentId} could change nothing but its reference price: no
   * position in it and no working order anywhere. A backtest skips such updates when a later one at
   * the same instant sets the reference price anyway.
   */
  public boolean isIdle(String instrumentId) {
    return portfolio.isFlat(instrumentId) && !venue.hasWorkingOrders();
  }

  /** The risk engine's mode. */
  public TradingMode mode() {
    return risk.mode();
  }

  /** The account. */
  public AccountConfig account() {
    return account;
  }

  RiskEngine risk() {
    return risk;
  }

  ExecutionVenue venue() {
    return venue;
  }

  Map<String, BigDecimal> referencePrices() {
    return referencePrices;
  }

  Set<String> processedSignalIds() {
    return processedSignalIds;
  }

  Map<String, Map<String, Direction>> acted() {
    return acted;
  }

  private List<EngineEvent> book(List<OrderEvent> events) {
    List<EngineEvent> out = new ArrayList<>(events.size() * 2);
    long ts = Long.MIN_VALUE;
    for (OrderEvent e : events) {
      out.add(new EngineEvent.OrderUpdate(e));
      ts = e.tsEvent();
      if (e instanceof OrderFilled fill) {
        // Mark before booking, so a position opened from flat is valued at today's price, not
        // at a mark left from when it was last held.
        BigDecimal ref = referencePrices.get(fill.instrumentId());
        if (ref != null) {
          portfolio.mark(fill.instrumentId(), ref);
        }
        out.add(new EngineEvent.PositionUpdate(portfolio.apply(fill)));
      }
    }
    return observeDrawdown(out, ts);
  }

  private List<EngineEvent> observeDrawdown(List<EngineEvent> out, long now) {
    TradingMode before = risk.mode();
    if (before == TradingMode.HALTED
        || risk.observe(portfolio.equity(), portfolio.peakEquity()) == before) {
      return out;
    }
    List<EngineEvent> more = new ArrayList<>(out);
    more.add(modeChanged(before, risk.mode(), "drawdown limit breached", now));
    return more;
  }

  private EngineEvent.ModeChanged modeChanged(
      TradingMode from, TradingMode to, String reason, long now) {
    return new EngineEvent.ModeChanged(account.accountId(), from, to, reason, now);
  }

  private EngineEvent deny(Signal s, String clientOrderId, DenialReason reason, long now) {
    String why =
        reason == DenialReason.UNKNOWN_INSTRUMENT
            ? "unknown instrument " + s.instrumentId()
            : "no market price seen yet for " + s.instrumentId() + " to size the order";
    return new EngineEvent.OrderUpdate(
        new OrderDenied(
            clientOrderId, account.accountId(), s.instrumentId(), reason, why, now, null));
  }
}
