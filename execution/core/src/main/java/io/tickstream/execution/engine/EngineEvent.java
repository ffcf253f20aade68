package io.tickstream.execution.engine;

import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.portfolio.PositionChanged;
import io.tickstream.execution.risk.TradingMode;
import java.util.Objects;

/**
 * What a {@link TradingEngine} call produced, in the order it happened: order events go to {@code
 * orders.events}, position changes to {@code portfolio.positions}, mode changes to the operators.
 */
public sealed interface EngineEvent
    permits EngineEvent.OrderUpdate, EngineEvent.PositionUpdate, EngineEvent.ModeChanged {

  /** When it happened, epoch nanoseconds. */
  long tsEvent();

  /**
   * An order event (denied, submitted, accepted, filled, ...).
   *
   * @param event the order event
   */
  record OrderUpdate(OrderEvent event) implements EngineEvent {
    public OrderUpdate {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public long tsEvent() {
      return event.tsEvent();
    }
  }

  /**
   * A fill changed a position.
   *
   * @param change the new position and cash
   */
  record PositionUpdate(PositionChanged change) implements EngineEvent {
    public PositionUpdate {
      Objects.requireNonNull(change, "change");
    }

    @Override
    public long tsEvent() {
      return change.tsEvent();
    }
  }

  /**
   * The trading mode changed: by an operator ({@link TradingEngine#onControl}) or by the drawdown
   * kill switch.
   *
   * @param accountId the account
   * @param from mode before
   * @param to mode after
   * @param reason why, for people
   * @param tsEvent when, epoch nanoseconds
   */
  record ModeChanged(
      String accountId, TradingMode from, TradingMode to, String reason, long tsEvent)
      implements EngineEvent {
    public ModeChanged {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
