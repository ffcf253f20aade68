package io.tickstream.execution;

import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/** Orders and instruments for tests: AAPL.XNAS (tick 0.01, lot 1), BTC.BINANCE (lot 0.001). */
public final class TestOrders {

  public static final String ACCOUNT = "ACC-1";
  public static final String STRATEGY = "sma-cross";
  public static final String AAPL = "AAPL.XNAS";
  public static final String BTC = "BTC.BINANCE";
  public static final Instrument AAPL_INSTRUMENT = new Instrument(AAPL, d("0.01"), d("1"));
  public static final Instrument BTC_INSTRUMENT = new Instrument(BTC, d("0.01"), d("0.001"));

  /** Ids are unique within one test-class instance (JUnit makes one per test method). */
  private final AtomicLong ids = new AtomicLong();

  public static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  public static BigDecimal d(long value) {
    return BigDecimal.valueOf(value);
  }

  public String nextId() {
    return "order-" + ids.incrementAndGet();
  }

  public SubmitOrder market(String instrumentId, OrderSide side, BigDecimal qty, long ts) {
    return SubmitOrder.market(
        nextId(), ACCOUNT, STRATEGY, instrumentId, side, qty, TimeInForce.GTC, ts);
  }

  public SubmitOrder buy(BigDecimal qty) {
    return market(AAPL, OrderSide.BUY, qty, 0);
  }

  public SubmitOrder sell(BigDecimal qty) {
    return market(AAPL, OrderSide.SELL, qty, 0);
  }

  public SubmitOrder limit(String instrumentId, OrderSide side, BigDecimal qty, BigDecimal price) {
    return market(instrumentId, side, qty, 0).withPrices(OrderType.LIMIT, price, null);
  }

  public SubmitOrder limitBuy(BigDecimal qty, BigDecimal price) {
    return limit(AAPL, OrderSide.BUY, qty, price);
  }

  public SubmitOrder stop(OrderSide side, BigDecimal qty, BigDecimal stop) {
    return market(AAPL, side, qty, 0).withPrices(OrderType.STOP, null, stop);
  }

  public SubmitOrder stopLimit(OrderSide side, BigDecimal qty, BigDecimal stop, BigDecimal limit) {
    return market(AAPL, side, qty, 0).withPrices(OrderType.STOP_LIMIT, limit, stop);
  }
}
