package io.tickstream.execution.risk;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.BTC;
import static io.tickstream.execution.TestOrders.BTC_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static io.tickstream.execution.orders.DenialReason.INVALID_PRICE;
import static io.tickstream.execution.orders.DenialReason.INVALID_QUANTITY;
import static io.tickstream.execution.orders.DenialReason.MISSING_REFERENCE_PRICE;
import static io.tickstream.execution.orders.DenialReason.NOTIONAL_ABOVE_MAX;
import static io.tickstream.execution.orders.DenialReason.PRICE_OUTSIDE_COLLAR;
import static io.tickstream.execution.orders.DenialReason.QUANTITY_ABOVE_MAX;
import static io.tickstream.execution.orders.DenialReason.RESTRICTED_INSTRUMENT;
import static io.tickstream.execution.orders.DenialReason.UNKNOWN_INSTRUMENT;
import static io.tickstream.execution.orders.OrderSide.BUY;
import static io.tickstream.execution.orders.OrderSide.SELL;
import static io.tickstream.execution.risk.RiskCase.cents;
import static io.tickstream.execution.risk.RiskCase.denied;
import static io.tickstream.execution.risk.RiskCase.table;
import static io.tickstream.execution.risk.RiskCase.valid;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.TestOrders;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules on the order itself and its instrument. One table per rule: at least 20 orders just beyond
 * the limit (denied with the rule's code) and 20 at or inside it (approved). Every other limit is
 * generous, so only the rule under test decides.
 */
class RiskEngineOrderRulesTest {

  private final TestOrders orders = new TestOrders();

  @TestFactory
  Stream<DynamicTest> invalidQuantity() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      t.add(denied("AAPL qty -" + i, orders.buy(d(-i)), INVALID_QUANTITY));
      t.add(denied("AAPL qty " + i + ".5 (half lot)", orders.buy(d(i + ".5")), INVALID_QUANTITY));
      t.add(valid("AAPL qty " + (i + 1), orders.buy(d(i + 1))));
      BigDecimal lots = d("0.001").multiply(d(i + 1));
      t.add(valid("BTC qty " + lots, orders.market(BTC, BUY, lots, 0)));
    }
    for (int i = 1; i <= 5; i++) {
      BigDecimal offLot = d("0.001").add(d("0.0001").multiply(d(i)));
      t.add(denied("BTC qty " + offLot, orders.market(BTC, SELL, offLot, 0), INVALID_QUANTITY));
      t.add(valid("AAPL sell " + i, orders.sell(d(i))));
    }
    return table(INVALID_QUANTITY, t);
  }

  @TestFactory
  Stream<DynamicTest> invalidPrice() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      BigDecimal offTick = d("100.005").add(cents(i));
      t.add(denied("limit " + offTick, orders.limitBuy(d(1), offTick), INVALID_PRICE));
      t.add(valid("limit " + d(100).add(cents(i)), orders.limitBuy(d(1), d(100).add(cents(i)))));
    }
    for (int i = 0; i < 5; i++) {
      BigDecimal offTick = d("99.001").add(cents(i));
      t.add(denied("stop " + offTick, orders.stop(SELL, d(1), offTick), INVALID_PRICE));
      t.add(valid("stop " + d(99).add(cents(i)), orders.stop(SELL, d(1), d(99).add(cents(i)))));
      BigDecimal stop = d(101).add(cents(i));
      t.add(valid("stop-limit " + stop, orders.stopLimit(BUY, d(1), stop, stop.add(cents(5)))));
    }
    SubmitOrder base = orders.buy(d(1));
    t.add(denied("limit without price", orders.limitBuy(d(1), null), INVALID_PRICE));
    t.add(denied("limit price 0", orders.limitBuy(d(1), d(0)), INVALID_PRICE));
    t.add(denied("limit price -100", orders.limitBuy(d(1), d(-100)), INVALID_PRICE));
    t.add(
        denied(
            "market with limit", base.withPrices(OrderType.MARKET, d(100), null), INVALID_PRICE));
    t.add(
        denied("market with stop", base.withPrices(OrderType.MARKET, null, d(100)), INVALID_PRICE));
    t.add(denied("stop without stop", base.withPrices(OrderType.STOP, null, null), INVALID_PRICE));
    t.add(
        denied("stop with limit", base.withPrices(OrderType.STOP, d(100), d(100)), INVALID_PRICE));
    t.add(
        denied("limit with stop", base.withPrices(OrderType.LIMIT, d(100), d(100)), INVALID_PRICE));
    t.add(denied("stop-limit no limit", orders.stopLimit(BUY, d(1), d(100), null), INVALID_PRICE));
    t.add(denied("stop-limit no stop", orders.stopLimit(BUY, d(1), null, d(100)), INVALID_PRICE));
    t.add(valid("market", orders.buy(d(1))));
    t.add(valid("BTC limit one tick", orders.limit(BTC, BUY, d("0.001"), d("50000.01"))));
    return table(INVALID_PRICE, t);
  }

  @TestFactory
  Stream<DynamicTest> quantityAboveMax() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      t.add(denied("buy " + (101 + i), orders.buy(d(101 + i)), QUANTITY_ABOVE_MAX));
      t.add(valid("buy " + (100 - i), orders.buy(d(100 - i))));
    }
    for (int i = 0; i < 5; i++) {
      t.add(denied("sell " + (101 + i), orders.sell(d(101 + i)), QUANTITY_ABOVE_MAX));
      t.add(valid("sell " + (100 - i), orders.sell(d(100 - i))));
    }
    t.forEach(c -> c.maxOrderQuantity = d(100));
    return table(QUANTITY_ABOVE_MAX, t);
  }

  @TestFactory
  Stream<DynamicTest> notionalAboveMax() {
    // Max 10,000; AAPL reference 100. Limit orders count at their limit, stops at their stop.
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      BigDecimal over = d("100.01").add(cents(i)); // 100 x 100.01 = 10,001.00 ...
      t.add(denied("100 @ limit " + over, orders.limitBuy(d(100), over), NOTIONAL_ABOVE_MAX));
      t.add(
          valid(
              "100 @ limit " + d(100).subtract(cents(i)),
              orders.limitBuy(d(100), d(100).subtract(cents(i)))));
      t.add(
          denied("market " + (101 + i) + " x ref 100", orders.buy(d(101 + i)), NOTIONAL_ABOVE_MAX));
      t.add(valid("market " + (100 - i) + " x ref 100", orders.buy(d(100 - i))));
    }
    for (int i = 0; i < 5; i++) {
      BigDecimal over = d("100.01").add(cents(i));
      t.add(denied("stop sell 100 @ " + over, orders.stop(SELL, d(100), over), NOTIONAL_ABOVE_MAX));
      BigDecimal at = d(100).subtract(cents(i));
      t.add(valid("stop sell 100 @ " + at, orders.stop(SELL, d(100), at)));
    }
    t.forEach(c -> c.maxOrderNotional = d(10_000));
    return table(NOTIONAL_ABOVE_MAX, t);
  }

  @TestFactory
  Stream<DynamicTest> priceCollar() {
    // 500 bps around 100: [95.00, 105.00] inclusive.
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      t.add(
          denied(
              "buy @ " + d("105.01").add(cents(i)),
              orders.limitBuy(d(1), d("105.01").add(cents(i))),
              PRICE_OUTSIDE_COLLAR));
      t.add(
          denied(
              "sell @ " + d("94.99").subtract(cents(i)),
              orders.limit(AAPL, SELL, d(1), d("94.99").subtract(cents(i))),
              PRICE_OUTSIDE_COLLAR));
      t.add(
          valid(
              "buy @ " + d(105).subtract(cents(i)),
              orders.limitBuy(d(1), d(105).subtract(cents(i)))));
      t.add(
          valid(
              "sell @ " + d(95).add(cents(i)),
              orders.limit(AAPL, SELL, d(1), d(95).add(cents(i)))));
    }
    t.add(denied("stop 105.01", orders.stop(BUY, d(1), d("105.01")), PRICE_OUTSIDE_COLLAR));
    t.add(denied("stop 94.99", orders.stop(SELL, d(1), d("94.99")), PRICE_OUTSIDE_COLLAR));
    t.add(
        denied(
            "stop-limit, limit 105.01",
            orders.stopLimit(BUY, d(1), d(104), d("105.01")),
            PRICE_OUTSIDE_COLLAR));
    t.add(valid("stop 105.00", orders.stop(BUY, d(1), d(105))));
    t.add(valid("stop 95.00", orders.stop(SELL, d(1), d(95))));
    t.add(valid("market, no price to collar", orders.buy(d(1))));
    t.forEach(c -> c.priceCollarBps = d(500));
    return table(PRICE_OUTSIDE_COLLAR, t);
  }

  private static Instruments symbols(int count) {
    List<Instrument> list = new ArrayList<>(List.of(AAPL_INSTRUMENT, BTC_INSTRUMENT));
    for (int i = 0; i < count; i++) {
      list.add(new Instrument("SYM" + i + ".XNAS", d("0.01"), d(1)));
    }
    return Instruments.of(list);
  }

  @TestFactory
  Stream<DynamicTest> unknownInstrument() {
    List<String> unknown =
        new ArrayList<>(List.of("aapl.xnas", "AAPL", "AAPL.XNYS", "AAPL.XNAS ", ""));
    for (int i = 20; unknown.size() < 20; i++) {
      unknown.add("SYM" + i + ".XNAS");
    }
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = unknown.get(i);
      t.add(
          denied("'" + id + "'", orders.market(id, BUY, d(1), 0), UNKNOWN_INSTRUMENT)
              .with(c -> c.refs.put(id, d(100))));
      String known = "SYM" + i + ".XNAS";
      t.add(valid(known, orders.market(known, BUY, d(1), 0)).with(c -> c.refs.put(known, d(100))));
    }
    t.forEach(c -> c.instruments = symbols(20));
    return table(UNKNOWN_INSTRUMENT, t);
  }

  @TestFactory
  Stream<DynamicTest> restrictedInstrument() {
    List<RiskCase> t = new ArrayList<>();
    Set<String> restricted = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      restricted.add("SYM" + i + ".XNAS");
    }
    for (int i = 0; i < 40; i++) {
      String id = "SYM" + i + ".XNAS";
      SubmitOrder o = orders.market(id, SELL, d(1), 0);
      RiskCase c = i < 20 ? denied(id, o, RESTRICTED_INSTRUMENT) : valid(id, o);
      c.refs.put(id, d(10));
      c.restricted = restricted;
      c.instruments = symbols(40);
      t.add(c);
    }
    return table(RESTRICTED_INSTRUMENT, t);
  }

  @TestFactory
  Stream<DynamicTest> missingReferencePrice() {
    List<RiskCase> t = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "SYM" + i + ".XNAS";
      SubmitOrder o = orders.market(id, BUY, d(1), 0);
      RiskCase c = i < 20 ? denied(id, o, MISSING_REFERENCE_PRICE) : valid(id, o);
      if (i == 17) {
        c.refs.put(id, d(0)); // zero is not a price: fail closed
      } else if (i == 18) {
        c.refs.put(id, d(-1));
      } else if (i >= 20) {
        c.refs.put(id, d("0.01")); // the smallest positive price is usable
      }
      c.instruments = symbols(40);
      t.add(c);
    }
    return table(MISSING_REFERENCE_PRICE, t);
  }
}
