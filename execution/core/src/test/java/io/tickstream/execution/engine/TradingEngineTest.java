package io.tickstream.execution.engine;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.engine.EngineFixture.MINUTE;
import static io.tickstream.execution.engine.EngineFixture.T0;
import static io.tickstream.execution.engine.EngineFixture.engine;
import static io.tickstream.execution.engine.EngineFixture.signal;
import static io.tickstream.execution.engine.EngineFixture.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.portfolio.ClosedTrade;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.signals.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingEngineTest {

  private static Object only(List<EngineEvent> events, int i) {
    EngineEvent e = events.get(i);
    if (e instanceof EngineEvent.OrderUpdate o) {
      return o.event();
    }
    return e instanceof EngineEvent.PositionUpdate p ? p.change() : e;
  }

  @Test
  void roundTripIsSizedFilledAndBookedByHand() {
    TradingEngine engine = engine("0.2");
    assertThat(engine.onMarketUpdate(trade(1, "100"))).isEmpty();

    // LONG at ref 100: floor(10,000 / 100) = 100 shares, BUY 100 submitted and accepted.
    List<EngineEvent> entry = engine.onSignal(signal(1, Direction.LONG), 0, T0 + 60_000_000_000L);
    assertThat(entry).hasSize(2);
    OrderSubmitted submitted = (OrderSubmitted) only(entry, 0);
    assertThat(submitted.order().side()).isEqualTo(OrderSide.BUY);
    assertThat(submitted.order().quantity()).isEqualByComparingTo("100");
    assertThat(only(entry, 1)).isInstanceOf(OrderAccepted.class);

    // The same signal again (redelivery) and the same direction on the next bar: nothing.
    assertThat(engine.onSignal(signal(1, Direction.LONG), 0, T0)).isEmpty();

    // Next print at 101 fills 100: cash 100,000 - 10,100 - 1.00 fee = 89,899.
    List<EngineEvent> fill = engine.onMarketUpdate(trade(2, "101"));
    assertThat(((OrderFilled) only(fill, 0)).lastPx()).isEqualByComparingTo("101");
    assertThat(engine.portfolio().cash()).isEqualByComparingTo("89899");
    assertThat(engine.portfolio().equity()).isEqualByComparingTo("99999");
    assertThat(engine.onSignal(signal(2, Direction.LONG), 0, T0)).isEmpty();

    // FLAT: SELL 100, filled at 99: cash 89,899 + 9,900 - 1 = 99,798; trip PnL -200 - 2 fees.
    assertThat(engine.onSignal(signal(3, Direction.FLAT), 0, T0 + 3 * 60_000_000_000L)).hasSize(2);
    engine.onMarketUpdate(trade(4, "99"));
    assertThat(engine.portfolio().cash()).isEqualByComparingTo("99798");
    assertThat(engine.portfolio().position(AAPL).isFlat()).isTrue();
    ClosedTrade trip = engine.portfolio().closedTrades().get(0);
    assertThat(trip.pnl()).isEqualByComparingTo("-202");
  }

  @Test
  void noPriceYetIsDeniedNotGuessed() {
    TradingEngine engine = engine("0.2");
    OrderDenied denied = (OrderDenied) only(engine.onSignal(signal(1, Direction.LONG), 0, T0), 0);
    assertThat(denied.reason()).isEqualTo(DenialReason.MISSING_REFERENCE_PRICE);
  }

  @Test
  void haltCancelsWorkingOrdersAndDeniesUntilResumed() {
    TradingEngine engine = engine("0.2");
    engine.onMarketUpdate(trade(1, "100"));
    engine.onSignal(signal(1, Direction.LONG), 0, T0 + 60_000_000_000L);

    List<EngineEvent> halt = engine.onControl(TradingMode.HALTED, "operator", T0 + 61_000_000_000L);
    assertThat(((EngineEvent.ModeChanged) halt.get(0)).to()).isEqualTo(TradingMode.HALTED);
    assertThat(only(halt, 1)).isInstanceOf(OrderCanceled.class);
    assertThat(engine.onMarketUpdate(trade(2, "101"))).isEmpty();

    // Back to FLAT is no order (nothing held); a new LONG is denied while halted.
    engine.onSignal(signal(2, Direction.FLAT), 0, T0 + 2 * 60_000_000_000L);
    OrderDenied denied =
        (OrderDenied) only(engine.onSignal(signal(3, Direction.LONG), 0, T0 + 180_000_000_000L), 0);
    assertThat(denied.reason()).isEqualTo(DenialReason.TRADING_HALTED);

    engine.onControl(TradingMode.NORMAL, "operator", T0 + 200_000_000_000L);
    // Denied signals were not acted on, so the next LONG goes out: floor(10,000 / 101) = 99.
    OrderSubmitted again =
        (OrderSubmitted)
            only(engine.onSignal(signal(4, Direction.LONG), 0, T0 + 240_000_000_000L), 0);
    assertThat(again.order().quantity()).isEqualByComparingTo("99");
  }

  @Test
  void drawdownPastTheLimitHaltsOnTheMark() {
    TradingEngine engine = engine("0.05");
    engine.onMarketUpdate(trade(1, "100"));
    engine.onSignal(signal(1, Direction.LONG), 0, T0 + 60_000_000_000L);
    engine.onMarketUpdate(trade(2, "100")); // BUY 100 at 100, fee 1: cash 89,999, equity 99,999
    assertThat(engine.onMarketUpdate(trade(3, "60"))).isEmpty(); // 95,999: 4.0 % down, allowed
    // 89,999 + 100 * 40 = 93,999: 6,001 below the 100,000 peak, past 5 % of it.
    List<EngineEvent> crash = engine.onMarketUpdate(trade(4, "40"));
    assertThat(((EngineEvent.ModeChanged) crash.get(0)).to()).isEqualTo(TradingMode.HALTED);
    assertThat(engine.mode()).isEqualTo(TradingMode.HALTED);
  }

  @Test
  void forgottenOrderIdsNoLongerRefuseARedeliveredSignalButClosedTradesStay() {
    TradingEngine engine = engine("0.2");
    engine.onMarketUpdate(trade(1, "100"));
    engine.onSignal(signal(1, Direction.LONG), 0, T0 + MINUTE); // BUY 100
    engine.onMarketUpdate(trade(2, "101")); // filled
    engine.onSignal(signal(3, Direction.FLAT), 0, T0 + 3 * MINUTE); // SELL 100
    engine.onMarketUpdate(trade(4, "99")); // filled: one round trip
    // The LONG of minute 1 redelivered: a new direction, but its id was seen, so nothing.
    assertThat(engine.onSignal(signal(1, Direction.LONG), 0, T0 + 5 * MINUTE)).isEmpty();

    engine.forgetOrderIds();

    // Now the same signal is news to the engine: floor(10,000 / 99) = 101 shares go out again.
    List<EngineEvent> again = engine.onSignal(signal(1, Direction.LONG), 0, T0 + 5 * MINUTE);
    OrderSubmitted submitted = (OrderSubmitted) only(again, 0);
    assertThat(submitted.order().quantity()).isEqualByComparingTo("101");
    assertThat(only(again, 1)).isInstanceOf(OrderAccepted.class);
    assertThat(engine.portfolio().closedTrades()).hasSize(1);
  }

  @Test
  void aWorkingOrderKeepsItsIdAtTheVenueWhenIdsAreForgotten() {
    TradingEngine engine = engine("0.2");
    engine.onMarketUpdate(trade(1, "100"));
    engine.onSignal(signal(1, Direction.LONG), 0, T0 + MINUTE); // BUY 100, working

    engine.forgetOrderIds();

    // The bar-1 signal again, now FLAT: the same id (direction is not part of it). The engine and
    // the risk engine forgot it, so it is sized and approved (SELL the 100 still working), but the
    // venue still holds the working order under that id and refuses the reuse.
    List<EngineEvent> events = engine.onSignal(signal(1, Direction.FLAT), 0, T0 + 2 * MINUTE);
    assertThat(only(events, 0)).isInstanceOf(OrderSubmitted.class);
    OrderRejected rejected = (OrderRejected) only(events, 1);
    assertThat(rejected.reason()).contains("duplicate client order id");
  }
}
