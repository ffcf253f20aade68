package io.tickstream.jobs.sweep;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.sweep.ParameterGrid;
import io.tickstream.execution.backtest.sweep.ParameterSweep;
import io.tickstream.execution.backtest.sweep.RankingMetric;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.PositionSizer;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep job runs, parsed and validated once at the edge ({@link SweepJobOptions}). Plain
 * values only, so operators can carry it to the task managers; each side rebuilds the same {@link
 * BacktestConfig} and the same case list from it ({@link #baseConfig}, {@link #cases}), which is
 * what lets a case travel as its index.
 *
 * @param csv bar file (any Flink file system URI or local path), read with the engine's CSV source
 * @param defaultInstrument instrument of rows without an {@code instrument} column, or null
 * @param defaultSpec bar spec of rows without {@code end}/{@code spec} columns, or null
 * @param strategy registered strategy name
 * @param fixedParams parameters common to every plan
 * @param grid candidate values per varied parameter, in parameter-name order
 * @param instruments instruments traded
 * @param tickSize price increment of every instrument
 * @param lotSize quantity increment of every instrument
 * @param perInstrument one case per instrument (true) or one case trading all of them (false)
 * @param periods the periods of the sweep (at least one)
 * @param walkForward walk-forward windows, or null for a plain sweep over {@code periods}
 * @param metric what the ranking sorts by
 * @param sizing position sizing
 * @param startingCash account cash at the start
 * @param slippageBps adverse price move per fill, basis points
 * @param commissionBps commission, basis points of notional
 * @param participation share of a bar's volume one fill may take, (0, 1]
 * @param maxDrawdown drawdown kill switch, (0, 1)
 * @param benchmark benchmark instrument for alpha and beta, or null
 * @param periodsPerYear annualisation of the report (252 for daily bars)
 * @param out where the ranked results go (CSV)
 * @param parallelism job parallelism, 0 for the cluster default
 */
public record SweepJobConfig(
    String csv,
    String defaultInstrument,
    String defaultSpec,
    String strategy,
    Map<String, String> fixedParams,
    Map<String, List<String>> grid,
    List<String> instruments,
    BigDecimal tickSize,
    BigDecimal lotSize,
    boolean perInstrument,
    List<Period> periods,
    Windows walkForward,
    RankingMetric metric,
    Sizing sizing,
    BigDecimal startingCash,
    BigDecimal slippageBps,
    BigDecimal commissionBps,
    BigDecimal participation,
    BigDecimal maxDrawdown,
    String benchmark,
    int periodsPerYear,
    String out,
    int parallelism)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ACCOUNT_ID = "SWEEP";
  private static final BigDecimal NO_LIMIT = new BigDecimal("1000000000000");

  public SweepJobConfig {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(tickSize, "tickSize");
    Objects.requireNonNull(lotSize, "lotSize");
    fixedParams = Collections.unmodifiableMap(new java.util.TreeMap<>(fixedParams));
    grid = Collections.unmodifiableMap(new java.util.TreeMap<>(grid));
    instruments = List.copyOf(instruments);
    periods = List.copyOf(periods);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("at least one instrument is needed");
    }
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("at least one period is needed");
    }
  }

  /**
   * A period of the sweep, as {@link SweepCase.Period} (which is not serializable).
   *
   * @param label name in the results
   * @param fromEnd first bar end included, epoch nanoseconds
   * @param tradeFrom first bar end traded
   * @param toEnd first bar end excluded
   */
  public record Period(String label, long fromEnd, long tradeFrom, long toEnd)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every bar of the file. */
    public static final Period ALL =
        new Period("all", Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);

    public Period {
      // Validates (label, order) now rather than on a task manager.
      new SweepCase.Period(label, fromEnd, tradeFrom, toEnd);
    }

    SweepCase.Period toCase() {
      return new SweepCase.Period(label, fromEnd, tradeFrom, toEnd);
    }
  }

  /**
   * Walk-forward windows, as {@link io.tickstream.execution.backtest.sweep.WalkForward.Windows}
   * (which is not serializable).
   *
   * @param inSampleNanos optimisation window
   * @param outOfSampleNanos evaluation window
   * @param stepNanos how far each fold moves
   */
  public record Windows(long inSampleNanos, long outOfSampleNanos, long stepNanos)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Windows {
      // Validates now (the fields are not yet assigned here: pass the parameters).
      new io.tickstream.execution.backtest.sweep.WalkForward.Windows(
          inSampleNanos, outOfSampleNanos, stepNanos);
    }

    io.tickstream.execution.backtest.sweep.WalkForward.Windows toEngine() {
      return new io.tickstream.execution.backtest.sweep.WalkForward.Windows(
          inSampleNanos, outOfSampleNanos, stepNanos);
    }
  }

  /**
   * How orders are sized.
   *
   * @param kind fraction (of equity), notional (fixed money amount) or quantity (fixed)
   * @param value the fraction, amount or quantity
   */
  public record Sizing(Kind kind, BigDecimal value) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The sizers a sweep offers. */
    public enum Kind {
      FRACTION,
      NOTIONAL,
      QUANTITY
    }

    public Sizing {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }

    PositionSizer sizer() {
      return switch (kind) {
        case FRACTION -> new io.tickstream.execution.sizing.FractionOfEquitySizer(value);
        case NOTIONAL -> new io.tickstream.execution.sizing.FixedNotionalSizer(value);
        case QUANTITY -> new io.tickstream.execution.sizing.FixedQuantitySizer(value);
      };
    }
  }

  /**
   * The backtest every case starts from (its strategy is replaced by the case's). A research sweep
   * has no pre-trade limits except the drawdown kill switch: order and exposure limits are set far
   * beyond any account this job simulates.
   */
  public BacktestConfig baseConfig() {
    AccountConfig account =
        new AccountConfig(
            ACCOUNT_ID,
            "USD",
            startingCash,
            new RiskLimits(
                NO_LIMIT,
                NO_LIMIT,
                NO_LIMIT,
                NO_LIMIT,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                NO_LIMIT,
                maxDrawdown,
                Set.of()));
    FillModel fills =
        new FillModel(
            slippageBps,
            participation,
            new CommissionSchedule(commissionBps, BigDecimal.ZERO, BigDecimal.ZERO),
            LocalTime.of(21, 0));
    return new BacktestConfig(
        account,
        Instruments.of(
            instruments.stream().map(id -> new Instrument(id, tickSize, lotSize)).toList()),
        sizing.sizer(),
        fills,
        EngineOptions.DEFAULT,
        plans().get(0),
        0,
        benchmark,
        new MetricsConventions(periodsPerYear, 0.0));
  }

  /** The grid's plans, as {@link ParameterGrid#of} orders them. */
  public List<StrategyPlan> plans() {
    return ParameterGrid.of(strategy, fixedParams, grid);
  }

  /** Every case, in the order of {@link ParameterSweep#cases}: a case's index is its identity. */
  public List<SweepCase> cases() {
    return ParameterSweep.cases(
        plans(), tradedInstruments(), periods.stream().map(Period::toCase).toList());
  }

  /** The instruments of the cases: each one, or null (all at once). */
  public List<String> tradedInstruments() {
    List<String> traded = new ArrayList<>();
    if (perInstrument) {
      traded.addAll(instruments);
    } else {
      traded.add(null);
    }
    return traded;
  }
}
