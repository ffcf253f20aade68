package io.tickstream.execution.engine;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderTriggered;
import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.execution.sizing.PositionSizer;
import io.tickstream.signals.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an {@link EngineSnapshot} from an engine's parts (sorted, so it is deterministic) and an
 * engine from a snapshot.
 */
final class EngineSnapshots {

  private EngineSnapshots() {}

  static EngineSnapshot of(TradingEngine engine) {
    Portfolio p = engine.portfolio();
    List<EngineSnapshot.ActedDirection> acted = new ArrayList<>();
    new TreeMap<>(engine.acted())
        .forEach(
            (instrument, byStrategy) ->
                new TreeMap<String, Direction>(byStrategy)
                    .forEach(
                        (strategy, direction) ->
                            acted.add(
                                new EngineSnapshot.ActedDirection(
                                    instrument, strategy, direction))));
    List<OpenOrder> open = new ArrayList<>();
    for (Order o : engine.venue().workingOrders()) {
      open.add(openOrder(o));
    }
    return new EngineSnapshot(
        engine.account().accountId(),
        engine.mode(),
        p.cash(),
        p.peakEquity(),
        List.copyOf(new TreeMap<>(p.positions()).values()),
        p.marks(),
        Map.copyOf(engine.referencePrices()),
        engine.processedSignalIds().stream().sorted().toList(),
        acted,
        engine.risk().seenIds().stream().sorted().toList(),
        engine.risk().recentApprovals(),
        open,
        p.closedTrades());
  }

  static TradingEngine restore(
      EngineSnapshot snapshot,
      AccountConfig account,
      Instruments instruments,
      PositionSizer sizer,
      ExecutionVenue venue,
      EngineOptions options) {
    if (!snapshot.accountId().equals(account.accountId())) {
      throw new IllegalArgumentException(
          "snapshot of " + snapshot.accountId() + " given to account " + account.accountId());
    }
    Portfolio portfolio =
        Portfolio.restore(
            account.accountId(),
            snapshot.cash(),
            snapshot.peakEquity(),
            snapshot.positions(),
            snapshot.marks(),
            snapshot.closedTrades());
    TradingEngine e = new TradingEngine(account, instruments, sizer, venue, options, portfolio);
    e.risk().restore(snapshot.mode(), snapshot.riskSeenIds(), snapshot.riskApprovals());
    e.referencePrices().putAll(snapshot.referencePrices());
    e.processedSignalIds().addAll(snapshot.processedSignalIds());
    for (EngineSnapshot.ActedDirection a : snapshot.actedDirections()) {
      e.acted()
          .computeIfAbsent(a.instrumentId(), k -> new HashMap<>())
          .put(a.strategyId(), a.direction());
    }
    snapshot.openOrders().forEach(venue::restoreWorking);
    return e;
  }

  private static OpenOrder openOrder(Order o) {
    long acceptedAt = o.command().tsInit();
    int fills = 0;
    boolean triggered = false;
    for (OrderEvent e : o.events()) {
      if (e instanceof OrderAccepted) {
        acceptedAt = e.tsEvent();
      } else if (e instanceof OrderFilled) {
        fills++;
      } else if (e instanceof OrderTriggered) {
        triggered = true;
      }
    }
    // The average price is rounded to Precision.SCALE places: the restored order's summary fill
    // only feeds its own avgPx, never the portfolio, which booked the real fills.
    return new OpenOrder(
        o.command(),
        o.filledQty(),
        o.filledQty().signum() == 0 ? null : o.avgPx(),
        fills,
        triggered,
        acceptedAt);
  }
}
