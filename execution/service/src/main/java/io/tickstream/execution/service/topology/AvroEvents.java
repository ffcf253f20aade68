package io.tickstream.execution.service.topology;

import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderExpired;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.OrderTriggered;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.execution.portfolio.PositionChanged;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.OrderSideCode;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.avro.TradingModeCode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Maps the execution core's events to the Avro records of the service's output topics. */
final class AvroEvents {
  private static final int WIRE_SCALE = 8;

  private AvroEvents() {}

  /** Key of {@code portfolio.positions}: one position per account and instrument. */
  static String positionKey(String accountId, String instrumentId) {
    return accountId + "|" + instrumentId;
  }

  static io.tickstream.schemas.avro.OrderEvent order(
      OrderEvent e, String accountId, String signalId, long tsInit) {
    var b =
        io.tickstream.schemas.avro.OrderEvent.newBuilder()
            .setClientOrderId(e.clientOrderId())
            .setAccountId(accountId)
            .setInstrumentId(e.instrumentId())
            .setSignalId(signalId)
            .setTsEvent(e.tsEvent())
            .setTsInit(tsInit);
    // Java 17: no pattern matching in switch yet.
    if (e instanceof OrderSubmitted s) {
      terms(b.setEventType(OrderEventType.SUBMITTED), s.order());
    } else if (e instanceof OrderDenied d) {
      b.setEventType(OrderEventType.DENIED)
          .setDenialReason(d.reason().name())
          .setReason(d.message());
      if (d.order() != null) {
        terms(b, d.order());
      }
    } else if (e instanceof OrderAccepted a) {
      b.setEventType(OrderEventType.ACCEPTED).setVenueOrderId(a.venueOrderId());
    } else if (e instanceof OrderRejected r) {
      b.setEventType(OrderEventType.REJECTED).setReason(r.reason());
    } else if (e instanceof OrderTriggered) {
      b.setEventType(OrderEventType.TRIGGERED);
    } else if (e instanceof OrderFilled f) {
      b.setEventType(OrderEventType.FILLED)
          .setSide(OrderSideCode.valueOf(f.side().name()))
          .setTradeId(f.tradeId())
          .setLastQty(wire(f.lastQty()))
          .setLastPx(wire(f.lastPx()))
          .setCommission(wire(f.commission()))
          .setLeavesQty(wire(f.leavesQty()));
    } else if (e instanceof OrderCanceled c) {
      b.setEventType(OrderEventType.CANCELED).setReason(c.reason());
    } else if (e instanceof OrderExpired) {
      b.setEventType(OrderEventType.EXPIRED);
    }
    return b.build();
  }

  /** The order's terms: strategy, side, type, time in force, quantity and prices. */
  private static void terms(io.tickstream.schemas.avro.OrderEvent.Builder b, SubmitOrder o) {
    b.setStrategyId(o.strategyId())
        .setSide(OrderSideCode.valueOf(o.side().name()))
        .setOrderType(o.type().name())
        .setTimeInForce(o.timeInForce().name())
        .setQuantity(wire(o.quantity()))
        .setLimitPrice(wire(o.limitPrice()))
        .setStopPrice(wire(o.stopPrice()));
  }

  static PositionState position(PositionChanged c, long tsInit) {
    return PositionState.newBuilder()
        .setAccountId(c.accountId())
        .setInstrumentId(c.instrumentId())
        .setQuantity(wire(c.quantity()))
        .setAvgCost(wire(c.avgCost()))
        .setRealizedPnl(wire(c.realizedPnl()))
        .setUnrealizedPnl(wire(c.unrealizedPnl()))
        .setCash(wire(c.cash()))
        .setTsEvent(c.tsEvent())
        .setTsInit(tsInit)
        .build();
  }

  static PortfolioSnapshot snapshot(
      String accountId,
      Portfolio p,
      String currency,
      TradingMode mode,
      int workingOrders,
      long tsEvent,
      long tsInit) {
    int open = 0;
    for (var position : p.positions().values()) {
      if (!position.isFlat()) {
        open++;
      }
    }
    return PortfolioSnapshot.newBuilder()
        .setAccountId(accountId)
        .setCurrency(currency)
        .setMode(TradingModeCode.valueOf(mode.name()))
        .setCash(wire(p.cash()))
        .setEquity(wire(p.equity()))
        .setPeakEquity(wire(p.peakEquity()))
        .setGrossExposure(wire(p.grossExposure()))
        .setOpenPositions(open)
        .setWorkingOrders(workingOrders)
        .setTsEvent(tsEvent)
        .setTsInit(tsInit)
        .build();
  }

  /**
   * {@code value} at the wire's 8 decimal places; exact for prices and quantities, rounded
   * half-even ({@link Precision#ROUNDING}) for products such as PnL.
   */
  static BigDecimal wire(BigDecimal value) {
    return value == null ? null : value.setScale(WIRE_SCALE, RoundingMode.HALF_EVEN);
  }
}
