package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.CsvBarSource;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.FractionOfEquitySizer;
import io.tickstream.signals.bars.Bar;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AAPL 2013 daily bars plus a second instrument derived from them (prices scaled and shifted by
 * five days), traded at half of equity with 5 bps slippage and 1 bp commission.
 */
final class SweepFixture {

  static final String AAPL = "AAPL.XNAS";
  static final String ALT = "ALT.XNAS";

  private SweepFixture() {}

  static HistoricalBars data() {
    HistoricalBars aapl =
        HistoricalBars.load(
            new CsvBarSource(
                new InputStreamReader(
                    SweepFixture.class.getResourceAsStream("/appleinc_bars_from_20130101_usd.csv"),
                    StandardCharsets.UTF_8),
                "aapl",
                AAPL,
                "1d"));
    List<Bar> all = new ArrayList<>(aapl.bars());
    List<Bar> src = aapl.bars();
    BigDecimal scale = new BigDecimal("0.1");
    for (int i = 0; i < src.size(); i++) {
      Bar b = src.get(i);
      Bar shifted = src.get((i + 5) % src.size());
      all.add(
          new Bar(
              ALT,
              "1d",
              b.start(),
              b.end(),
              shifted.open().multiply(scale),
              shifted.high().multiply(scale),
              shifted.low().multiply(scale),
              shifted.close().multiply(scale),
              shifted.volume(),
              1,
              shifted.close().multiply(scale),
              0));
    }
    return HistoricalBars.of(all);
  }

  static BacktestConfig base() {
    BigDecimal big = new BigDecimal("1000000000");
    AccountConfig account =
        new AccountConfig(
            "SWEEP",
            "USD",
            new BigDecimal("100000"),
            new RiskLimits(
                big, big, big, big, 1_000, 1_000_000_000L, big, new BigDecimal("0.9"), Set.of()));
    return new BacktestConfig(
        account,
        Instruments.of(
            new Instrument(AAPL, new BigDecimal("0.01"), BigDecimal.ONE),
            new Instrument(ALT, new BigDecimal("0.001"), BigDecimal.ONE)),
        new FractionOfEquitySizer(new BigDecimal("0.5")),
        new FillModel(
            new BigDecimal("5"),
            BigDecimal.ONE,
            new CommissionSchedule(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO),
            LocalTime.of(21, 0)),
        EngineOptions.DEFAULT,
        StrategyPlan.named("ma-crossover", Map.of("fast", 5, "slow", 20)),
        0,
        AAPL,
        MetricsConventions.DAILY);
  }
}
