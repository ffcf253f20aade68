package io.tickstream.execution.engine;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Set;

/**
 * An AAPL account for engine tests: 100,000 USD, fixed notional 10,000 per position, fills at the
 * update's price with no slippage, commission 0.01 per share, full participation.
 */
final class EngineFixture {

  static final long MINUTE = 60_000_000_000L;
  static final long T0 = 1_700_000_000_000_000_000L;
  static final Instruments INSTRUMENTS = Instruments.of(AAPL_INSTRUMENT);
  static final FillModel FILLS =
      new FillModel(d(0), d(1), new CommissionSchedule(d(0), d("0.01"), d(0)), LocalTime.of(21, 0));

  private EngineFixture() {}

  static AccountConfig account(String maxDrawdown) {
    return new AccountConfig(
        "ACC-1",
        "USD",
        d(100_000),
        new RiskLimits(
            d(10_000),
            d(1_000_000),
            d(1_000_000),
            d(500),
            100,
            MINUTE,
            d(10_000),
            d(maxDrawdown),
            Set.of()));
  }

  static TradingEngine engine(String maxDrawdown) {
    return new TradingEngine(
        account(maxDrawdown),
        INSTRUMENTS,
        new FixedNotionalSizer(d(10_000)),
        new PaperBroker(FILLS, INSTRUMENTS),
        EngineOptions.DEFAULT);
  }

  /** A trade print of 1,000 shares at {@code price}, minute {@code i}. */
  static MarketUpdate trade(int i, String price) {
    return MarketUpdate.ofTrade(AAPL, T0 + i * MINUTE, new BigDecimal(price), d(1_000));
  }

  /** A signal computed on the bar ending at minute {@code i}. */
  static Signal signal(int i, Direction direction) {
    return new Signal(
        AAPL, "sma-cross", direction, 1.0, "test", "1m", T0 + (i - 1) * MINUTE, T0 + i * MINUTE);
  }
}
