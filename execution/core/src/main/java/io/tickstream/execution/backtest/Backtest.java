package io.tickstream.execution.backtest;

import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.execution.engine.EngineEvent;
import io.tickstream.execution.engine.TradingEngine;
import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.metrics.PerformanceMetrics;
import io.tickstream.execution.metrics.PerformanceReport;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.signals.BarInput;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.indicators.Atr;
import io.tickstream.signals.strategies.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays historical bars through the same {@link TradingEngine} the live service uses: same
 * sizing, risk engine, paper fills and portfolio accounting.
 *
 * <p>Per bar, in source order: the bar's {@link BarUpdates#open} (orders decided on the previous
 * close fill here), its {@link BarUpdates#close} (marks), then the instrument's strategy sees the
 * closed bar and its signal goes to the engine at the bar's end. So a signal on bar t trades at the
 * open of bar t + 1 and never sees a price of its own bar's future. The equity curve has a point
 * after each distinct bar end. Instruments missing from the config's catalogue (e.g. the benchmark)
 * get no strategy: their bars are market data only.
 *
 * <p>Deterministic: the same config and bars give an equal result. Single-threaded; run several
 * backtests in parallel for sweeps ({@link io.tickstream.execution.backtest.sweep.ParameterSweep}).
 */
public final class Backtest {

  private static final int PROGRESS_EVERY = 1 << 14;

  /**
   * Bars between two {@link TradingEngine#forgetOrderIds} calls. The engine remembers every client
   * order id to refuse a replayed signal; in a backtest none can come: an id is derived from
   * (instrument, strategy, bar spec, bar end, revision, account) ({@link
   * io.tickstream.execution.ClientOrderIds}) and {@link #checkSignal} makes each instrument's
   * signals end strictly after the previous one, so no two signals of a run share an instrument and
   * a bar end, and no id repeats. Kept, the ids would grow by up to one per bar for the whole run
   * (100,000 bars, 100,000 ids) and survive young collections; forgotten, they stay within about
   * this many. A power of two so the check is a mask.
   */
  private static final int FORGET_IDS_EVERY = 1 << 10;

  private Backtest() {}

  /** Runs over every bar of {@code bars} (closing it), trading from the first. */
  public static BacktestResult run(
      BacktestConfig config, BarSource bars, BacktestProgress progress) {
    return run(config, bars, Long.MIN_VALUE, progress);
  }

  /**
   * Runs over {@code bars} (closing it). Bars ending before {@code tradeFrom} only warm strategies
   * up: their signals are not traded and they add no curve point (out-of-sample windows).
   */
  public static BacktestResult run(
      BacktestConfig config, BarSource bars, long tradeFrom, BacktestProgress progress) {
    try (bars) {
      return new Run(config, tradeFrom, progress).drain(bars);
    }
  }

  /** Bars of instruments the account does not trade (a benchmark) are only market data. */
  private static final InstrumentRun MARKET_DATA_ONLY = new InstrumentRun(null, 0);

  /** One instrument's strategy and ATR. */
  private static final class InstrumentRun {
    final Strategy strategy;
    final Atr atr;
    // Bar end of the instrument's previous signal (checkSignal).
    long lastSignalEnd = Long.MIN_VALUE;

    InstrumentRun(Strategy strategy, int atrPeriod) {
      this.strategy = strategy;
      this.atr = atrPeriod > 0 ? new Atr(atrPeriod) : null;
    }
  }

  /**
   * The bar end of {@code signal}, computed on {@code bar}, after checking that it is of the bar's
   * instrument and ends strictly after {@code previousEnd} (the instrument's previous signal): what
   * makes the run's client order ids unique, so that the engine may forget them ({@link
   * #FORGET_IDS_EVERY}). The built-in strategies already refuse bars out of order; this keeps the
   * guarantee for any strategy a plan may create.
   *
   * @throws IllegalArgumentException when either does not hold
   */
  static long checkSignal(Bar bar, Signal signal, long previousEnd) {
    if (!signal.instrumentId().equals(bar.instrumentId())) {
      throw new IllegalArgumentException(
          "strategy "
              + signal.strategyId()
              + " returned a signal for "
              + signal.instrumentId()
              + " on a bar of "
              + bar.instrumentId());
    }
    if (signal.barEnd() <= previousEnd) {
      throw new IllegalArgumentException(
          "signal of "
              + signal.instrumentId()
              + " by "
              + signal.strategyId()
              + " ends at "
              + signal.barEnd()
              + ", not after the previous signal's end "
              + previousEnd
              + ": a backtest needs each instrument's bars in time order, each once");
    }
    return signal.barEnd();
  }

  /** The state of one run. */
  private static final class Run {
    private final BacktestConfig config;
    private final long tradeFrom;
    private final BacktestProgress progress;
    private final TradingEngine engine;
    private final Map<String, InstrumentRun> instruments = new HashMap<>();
    private final List<OrderFilled> fills = new ArrayList<>();
    private final EquityRecorder curve = new EquityRecorder();
    private BigDecimal benchmarkClose;
    private int denied;
    private long count;
    private long pointTs = Long.MIN_VALUE;

    Run(BacktestConfig config, long tradeFrom, BacktestProgress progress) {
      this.config = config;
      this.tradeFrom = tradeFrom;
      this.progress = progress;
      this.engine =
          new TradingEngine(
              config.account(),
              config.instruments(),
              config.sizer(),
              new PaperBroker(config.fillModel(), config.instruments()),
              config.options());
    }

    BacktestResult drain(BarSource bars) {
      String lastId = null;
      InstrumentRun run = null;
      while (bars.hasNext()) {
        Bar bar = bars.next();
        if (bar.end() != pointTs) {
          recordPoint();
          pointTs = bar.end();
        }
        // Bars of one instrument often come in runs: skip the map lookup then.
        if (!bar.instrumentId().equals(lastId)) {
          lastId = bar.instrumentId();
          run =
              instruments.computeIfAbsent(
                  lastId,
                  id ->
                      config.instruments().find(id).isEmpty()
                          ? MARKET_DATA_ONLY
                          : new InstrumentRun(config.strategy().create(), config.atrPeriod()));
        }
        onBar(bar, run);
        if ((++count & (FORGET_IDS_EVERY - 1)) == 0) {
          engine.forgetOrderIds();
        }
        if (count % PROGRESS_EVERY == 0) {
          progress.onProgress(count, bar.end());
        }
      }
      recordPoint();
      progress.onProgress(count, pointTs);
      return result();
    }

    private void onBar(Bar bar, InstrumentRun run) {
      // With nothing held or working, the open would only set a reference price that the close
      // replaces before anyone reads it: skipping it changes no result and saves the work.
      if (!engine.isIdle(bar.instrumentId())) {
        collect(engine.onMarketUpdate(BarUpdates.open(bar)));
      }
      collect(engine.onMarketUpdate(BarUpdates.close(bar)));
      if (bar.instrumentId().equals(config.benchmarkInstrumentId())) {
        benchmarkClose = bar.close();
      }
      if (run == MARKET_DATA_ONLY) {
        return;
      }
      BarInput in = BarInput.of(bar);
      Signal signal = run.strategy.onBar(in);
      run.lastSignalEnd = checkSignal(bar, signal, run.lastSignalEnd);
      BigDecimal atr = null;
      if (run.atr != null) {
        double a = run.atr.update(in.high(), in.low(), in.close(), in.volume());
        atr = run.atr.isReady() ? BigDecimal.valueOf(a) : null;
      }
      if (bar.end() >= tradeFrom) {
        collect(engine.onSignal(signal, bar.revision(), atr, bar.end()));
      }
    }

    private void collect(List<EngineEvent> events) {
      for (int i = 0; i < events.size(); i++) {
        EngineEvent e = events.get(i);
        if (e instanceof EngineEvent.OrderUpdate u) {
          if (u.event() instanceof OrderFilled f) {
            fills.add(f);
          } else if (u.event() instanceof OrderDenied) {
            denied++;
          }
        }
      }
    }

    private void recordPoint() {
      if (pointTs == Long.MIN_VALUE || pointTs < tradeFrom) {
        return;
      }
      // The portfolio keeps its equity current on every fill and mark: this is a field read.
      curve.add(pointTs, engine.portfolio().equity(), benchmarkClose);
    }

    private BacktestResult result() {
      Portfolio p = engine.portfolio();
      List<EquityPoint> points = curve.curve();
      PerformanceReport report = null;
      if (points.size() >= 2) {
        // A regression needs two returns, i.e. three points; shorter curves report without it.
        List<EquityPoint> bench =
            config.benchmarkInstrumentId() == null || points.size() < 3 ? null : curve.benchmark();
        report = PerformanceMetrics.report(points, p.closedTrades(), bench, config.conventions());
      }
      return new BacktestResult(count, fills, p.closedTrades(), points, p.equity(), denied, report);
    }
  }
}
