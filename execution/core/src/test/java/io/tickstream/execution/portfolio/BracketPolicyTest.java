package io.tickstream.execution.portfolio;

import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.ClientOrderIds;
import io.tickstream.execution.TestOrders;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class BracketPolicyTest {

  private final BracketPolicy policy = new BracketPolicy(d(2), d(3));

  @Test
  void longBracketIsBelowAndAboveEntryOnTheTickGrid() {
    // stop 100 - 2 * 1.234 = 97.532 -> 97.53; target 100 + 3 * 1.234 = 103.702 -> 103.70
    BracketPolicy.Bracket b =
        policy.bracketFor(OrderSide.BUY, d("100.00"), d("1.234"), AAPL_INSTRUMENT);
    assertThat(b.stopLoss()).isEqualByComparingTo("97.53");
    assertThat(b.takeProfit()).isEqualByComparingTo("103.70");
  }

  @Test
  void shortBracketIsMirrored() {
    // stop 100 + 2.468 = 102.468 -> 102.47; target 100 - 3.702 = 96.298 -> 96.30
    BracketPolicy.Bracket b =
        policy.bracketFor(OrderSide.SELL, d("100.00"), d("1.234"), AAPL_INSTRUMENT);
    assertThat(b.stopLoss()).isEqualByComparingTo("102.47");
    assertThat(b.takeProfit()).isEqualByComparingTo("96.30");
  }

  @Test
  void exitOrdersAreOppositeSideGtcWithChildIds() {
    String parentId = ClientOrderIds.of("AAPL.XNAS", "s", "1m", 60, 0, "ACC-1");
    SubmitOrder entry = new TestOrders().buy(d(40)).withClientOrderId(parentId);
    List<SubmitOrder> exits =
        policy.exitOrders(entry, d(40), d("100.00"), d("1.234"), AAPL_INSTRUMENT, 99);
    assertThat(exits).hasSize(2);
    SubmitOrder sl = exits.get(0);
    assertThat(sl.clientOrderId()).isEqualTo(parentId + "-SL").hasSizeLessThanOrEqualTo(48);
    assertThat(sl.type()).isEqualTo(OrderType.STOP);
    assertThat(sl.side()).isEqualTo(OrderSide.SELL);
    assertThat(sl.stopPrice()).isEqualByComparingTo("97.53");
    assertThat(sl.limitPrice()).isNull();
    assertThat(sl.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(sl.quantity()).isEqualByComparingTo("40");
    SubmitOrder tp = exits.get(1);
    assertThat(tp.clientOrderId()).isEqualTo(parentId + "-TP");
    assertThat(tp.type()).isEqualTo(OrderType.LIMIT);
    assertThat(tp.limitPrice()).isEqualByComparingTo("103.70");
    assertThat(tp.tsInit()).isEqualTo(99);
  }
}
