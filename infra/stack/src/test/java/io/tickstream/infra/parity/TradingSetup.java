package io.tickstream.infra.parity;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.execution.sizing.PositionSizer;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * The one trading set-up both sides of the parity test use: the live Flink strategy and execution
 * account are configured from these values, and so is the backtest. Values follow the execution
 * service's sample config ({@code execution-service.sample.json}: fixed notional sizing, 1 bp
 * slippage, 1 bp commission, half of the volume, GTC, act on changes only).
 */
final class TradingSetup {
  static final String A = "AAA.SIM";
  static final String B = "BBB.SIM";
  static final String BAR_SPEC = "1m";
  static final String STRATEGY_ID = "ma";
  static final String STRATEGY = "ma-crossover";
  static final Map<String, String> PARAMS = Map.of("fast", "3", "slow", "8");

  static final Instruments INSTRUMENTS =
      Instruments.of(
          new Instrument(A, new BigDecimal("0.01"), new BigDecimal("0.001")),
          new Instrument(B, new BigDecimal("0.01"), new BigDecimal("0.001")));
  static final PositionSizer SIZER = new FixedNotionalSizer(new BigDecimal("5000"));
  static final FillModel FILLS =
      new FillModel(
          new BigDecimal("1"),
          new BigDecimal("0.5"),
          new CommissionSchedule(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO),
          LocalTime.of(21, 0));
  static final EngineOptions OPTIONS = new EngineOptions(TimeInForce.GTC, true);
  static final AccountConfig ACCOUNT =
      new AccountConfig(
          "parity-1",
          "USD",
          new BigDecimal("100000"),
          new RiskLimits(
              new BigDecimal("1000"),
              new BigDecimal("25000"),
              new BigDecimal("200000"),
              new BigDecimal("500"),
              600,
              60_000_000_000L,
              new BigDecimal("2000"),
              new BigDecimal("0.5"),
              Set.of()));

  private TradingSetup() {}

  /** The live account: follows the strategy's signals only. */
  static AccountSettings account() {
    return new AccountSettings(ACCOUNT, Set.of(STRATEGY_ID), SIZER, OPTIONS);
  }

  /** The analytics job's strategy options (strategy.&lt;id&gt;.*), on the traded instruments. */
  static Map<String, String> jobStrategy() {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("strategy." + STRATEGY_ID + ".type", STRATEGY);
    PARAMS.forEach((k, v) -> m.put("strategy." + STRATEGY_ID + ".param." + k, v));
    m.put("strategy." + STRATEGY_ID + ".instruments", A + "," + B);
    return m;
  }

  /** The backtest of the same account, strategy (same id) and fills. */
  static BacktestConfig backtest() {
    Map<String, Object> params = new java.util.HashMap<>(PARAMS);
    params.put("id", STRATEGY_ID);
    return new BacktestConfig(
        ACCOUNT,
        INSTRUMENTS,
        SIZER,
        FILLS,
        OPTIONS,
        StrategyPlan.named(STRATEGY, params),
        0,
        null,
        new MetricsConventions(252 * 390, 0.0));
  }
}
