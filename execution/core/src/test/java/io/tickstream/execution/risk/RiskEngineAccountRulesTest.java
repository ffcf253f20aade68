package io.tickstream.execution.risk;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.ACCOUNT;
import static io.tickstream.execution.TestOrders.BTC;
import static io.tickstream.execution.TestOrders.d;
import static io.tickstream.execution.orders.DenialReason.CREDIT_LIMIT_EXCEEDED;
import static io.tickstream.execution.orders.DenialReason.DRAWDOWN_LIMIT_BREACHED;
import static io.tickstream.execution.orders.DenialReason.DUPLICATE_ORDER;
import static io.tickstream.execution.orders.DenialReason.POSITION_ABOVE_MAX;
import static io.tickstream.execution.orders.DenialReason.RATE_LIMIT_EXCEEDED;
import static io.tickstream.execution.orders.DenialReason.REDUCE_ONLY;
import static io.tickstream.execution.orders.DenialReason.TRADING_HALTED;
import static io.tickstream.execution.orders.OrderSide.SELL;
import static io.tickstream.execution.risk.RiskCase.T0;
import static io.tickstream.execution.risk.RiskCase.atEquity;
import static io.tickstream.execution.risk.RiskCase.cents;
import static io.tickstream.execution.risk.RiskCase.denied;
import static io.tickstream.execution.risk.RiskCase.table;
import static io.tickstream.execution.risk.RiskCase.valid;

import io.tickstream.execution.TestOrders;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules on the account: exposure, history, mode. One table per rule: at least 20 orders just beyond
 * the limit (denied with the rule's code) and 20 at or inside it (approved). Every other limit is
 * generous, so only the rule under test decides.
 */
class RiskEngineAccountRulesTest {

  private final TestOrders orders = new TestOrders();

  @TestFactory
  Stream<DynamicTest> creditLimit() {
    // Limit 50,000; positions worth 30,000 (0.6 BTC at 50,000) and 10,000 of open orders leave
    // exactly 10,000: 100 AAPL at 100.
    AccountState account =
        new AccountState(
            ACCOUNT, d(1_000_000), d(1_000_000), d(30_000), d(10_000), Map.of(BTC, d("0.6")));
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      t.add(denied("buy " + (101 + i) + " AAPL", orders.buy(d(101 + i)), CREDIT_LIMIT_EXCEEDED));
      t.add(valid("buy " + (100 - i) + " AAPL", orders.buy(d(100 - i))));
    }
    for (int i = 0; i < 3; i++) {
      BigDecimal over = d("100.01").add(cents(i));
      t.add(denied("100 @ " + over, orders.limitBuy(d(100), over), CREDIT_LIMIT_EXCEEDED));
      // Reducing the BTC position lowers exposure: exempt whatever its notional.
      BigDecimal sell = d("0.2").multiply(d(i + 1));
      t.add(valid("reduce BTC by " + sell, orders.market(BTC, SELL, sell, 0)));
    }
    t.add(
        denied(
            "short 1 BTC (flip) adds exposure",
            orders.market(BTC, SELL, d(1), 0),
            CREDIT_LIMIT_EXCEEDED));
    t.forEach(c -> c.with(x -> x.creditLimit = d(50_000)).account = account);
    return table(CREDIT_LIMIT_EXCEEDED, t);
  }

  @TestFactory
  Stream<DynamicTest> duplicateOrder() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SubmitOrder first = orders.buy(d(1));
      SubmitOrder again = first.withQuantity(d(2 + i)).withTsInit(i);
      RiskCase dup = denied("resend of " + first.clientOrderId(), again, DUPLICATE_ORDER);
      dup.prior.add(first);
      dup.priorTimes.add(T0);
      t.add(dup);
      String nearMiss =
          i % 2 == 0 ? first.clientOrderId() + "x" : first.clientOrderId().toUpperCase();
      RiskCase fresh = valid("new id " + nearMiss, first.withClientOrderId(nearMiss));
      fresh.prior.add(first);
      fresh.priorTimes.add(T0);
      t.add(fresh);
    }
    return table(DUPLICATE_ORDER, t);
  }

  @TestFactory
  Stream<DynamicTest> orderRate() {
    // k orders per 1 s window, sent `spacing` apart from T0: at T0 + 1 s - 1 ns the first is still
    // in the window (denied); at T0 + 1 s exactly it has left (approved).
    List<RiskCase> t = new ArrayList<>();
    long window = 1_000_000_000L;
    for (int i = 0; i < 20; i++) {
      int k = 1 + i % 5;
      long spacing = (i + 1) * 1_000_000L;
      for (long now : new long[] {T0 + window - 1, T0 + window}) {
        boolean inside = now < T0 + window;
        RiskCase c =
            inside
                ? denied(
                    k + " per s, spacing " + spacing + ", at +1s-1ns",
                    orders.buy(d(1)),
                    RATE_LIMIT_EXCEEDED)
                : valid(k + " per s, spacing " + spacing + ", at +1s", orders.buy(d(1)));
        for (int j = 0; j < k; j++) {
          c.prior.add(orders.buy(d(1)));
          c.priorTimes.add(T0 + j * spacing);
        }
        c.maxOrdersPerWindow = k;
        c.rateWindowNanos = window;
        c.now = now;
        t.add(c);
      }
    }
    return table(RATE_LIMIT_EXCEEDED, t);
  }

  private static AccountState holding(BigDecimal aapl) {
    return new AccountState(ACCOUNT, d(1_000_000), d(1_000_000), d(0), d(0), Map.of(AAPL, aapl));
  }

  @TestFactory
  Stream<DynamicTest> positionAboveMax() {
    // Max |position| 1,000 after the order; an order that shrinks an over-limit position passes.
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long p = 50L * i;
      t.add(
          valid("long " + p + " buy " + (1000 - p), orders.buy(d(1000 - p)))
              .with(c -> c.account = holding(d(p))));
      t.add(
          denied("long " + p + " buy " + (1001 - p), orders.buy(d(1001 - p)), POSITION_ABOVE_MAX)
              .with(c -> c.account = holding(d(p))));
      t.add(
          valid("short " + p + " sell " + (1000 - p), orders.sell(d(1000 - p)))
              .with(c -> c.account = holding(d(-p))));
      t.add(
          denied("short " + p + " sell " + (1001 - p), orders.sell(d(1001 - p)), POSITION_ABOVE_MAX)
              .with(c -> c.account = holding(d(-p))));
    }
    t.add(
        valid("over-limit 1500 sell 100", orders.sell(d(100)))
            .with(c -> c.account = holding(d(1500))));
    t.add(
        valid("long 500 sell 1500 to -1000", orders.sell(d(1500)))
            .with(c -> c.account = holding(d(500))));
    t.add(
        denied("over-limit 1500 buy 1", orders.buy(d(1)), POSITION_ABOVE_MAX)
            .with(c -> c.account = holding(d(1500))));
    t.add(
        denied("long 1500 sell 2501 to -1001", orders.sell(d(2501)), POSITION_ABOVE_MAX)
            .with(c -> c.account = holding(d(1500))));
    t.forEach(c -> c.maxPositionQuantity = d(1000));
    return table(POSITION_ABOVE_MAX, t);
  }

  @TestFactory
  Stream<DynamicTest> drawdownLimit() {
    // Peak 100,000, limit 10 %: equity 90,000.00 is exactly at the limit and passes.
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      BigDecimal ok = d(90_000).add(cents(i));
      BigDecimal breach = d("89999.99").subtract(cents(i));
      t.add(valid("equity " + ok, orders.buy(d(1))).with(c -> c.account = atEquity(ok)));
      t.add(
          denied("equity " + breach, orders.buy(d(1)), DRAWDOWN_LIMIT_BREACHED)
              .with(c -> c.account = atEquity(breach)));
    }
    t.forEach(c -> c.maxDrawdown = d("0.10"));
    return table(DRAWDOWN_LIMIT_BREACHED, t);
  }

  @TestFactory
  Stream<DynamicTest> haltedDeniesEverything() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SubmitOrder o =
          i % 2 == 0 ? orders.buy(d(i + 1)) : orders.limit(AAPL, SELL, d(i + 1), d(100));
      t.add(denied("halted " + i, o, TRADING_HALTED).with(c -> c.mode = TradingMode.HALTED));
      t.add(valid("normal " + i, o.withClientOrderId(o.clientOrderId() + "n")));
    }
    return table(TRADING_HALTED, t);
  }

  @TestFactory
  Stream<DynamicTest> reducingMode() {
    List<RiskCase> t = new ArrayList<>();
    for (int j = 1; j <= 20; j++) {
      t.add(
          valid("long 100 sell " + 5 * j, orders.sell(d(5L * j)))
              .with(c -> c.account = holding(d(100))));
    }
    t.add(valid("short 100 buy 100", orders.buy(d(100))).with(c -> c.account = holding(d(-100))));
    for (int j = 0; j < 10; j++) {
      t.add(
          denied("long 100 sell " + (101 + j) + " flips", orders.sell(d(101 + j)), REDUCE_ONLY)
              .with(c -> c.account = holding(d(100))));
    }
    for (int j = 1; j <= 5; j++) {
      t.add(
          denied("long 100 buy " + j, orders.buy(d(j)), REDUCE_ONLY)
              .with(c -> c.account = holding(d(100))));
      t.add(denied("flat buy " + j, orders.buy(d(j)), REDUCE_ONLY));
    }
    t.add(
        denied("short 100 buy 101 flips", orders.buy(d(101)), REDUCE_ONLY)
            .with(c -> c.account = holding(d(-100))));
    t.forEach(c -> c.mode = TradingMode.REDUCING);
    return table(REDUCE_ONLY, t);
  }
}
