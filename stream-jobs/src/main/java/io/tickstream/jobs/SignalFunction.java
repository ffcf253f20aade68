package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals of each bar: one per strategy and ensemble configured for its instrument and spec (the
 * {@link StrategyBook}), with revisions replayed (see {@link ReplayingBarFunction}); a revised bar
 * re-emits only the signals whose direction or strength changed. Flat carry-forward bars (no
 * trades) are not shown to strategies. Metric {@code signalsOut}.
 */
public final class SignalFunction extends ReplayingBarFunction<StrategyBook, Signal> {
  private static final long serialVersionUID = 1L;

  private final SignalPlan plan;

  /**
   * @param plan the strategies and ensembles and where they run
   * @param allowedLateness as configured for the bars
   * @param stateTtl event time without bars after which a key's state is dropped
   */
  public SignalFunction(SignalPlan plan, Duration allowedLateness, Duration stateTtl) {
    super(allowedLateness, stateTtl, "signalsOut");
    this.plan = plan;
  }

  /**
   * The deterministic id of a signal: {@code instrumentId/strategyId/barSpec/barEnd/revision}, with
   * the bar end in epoch nanoseconds. A replay after a failure produces the same ids, so consumers
   * de-duplicate by it.
   */
  public static String signalId(
      String instrumentId, String strategyId, String barSpec, long barEnd, int revision) {
    return instrumentId + "/" + strategyId + "/" + barSpec + "/" + barEnd + "/" + revision;
  }

  @Override
  protected StrategyBook newEngine(String instrumentId, String spec) {
    StrategyBook book = new StrategyBook(plan.strategiesFor(instrumentId, spec));
    return book.isEmpty() ? null : book;
  }

  @Override
  protected Record snapshot(StrategyBook engine) {
    return engine.snapshot();
  }

  @Override
  protected void restore(StrategyBook engine, Record state) {
    if (!(state instanceof StrategyBook.State s)) {
      throw new IllegalArgumentException("not a strategy state: " + state.getClass());
    }
    engine.restore(s);
  }

  @Override
  protected List<Signal> apply(StrategyBook engine, Bar bar) {
    if (bar.getTradeCount() == 0) {
      return List.of();
    }
    List<io.tickstream.signals.Signal> signals = engine.onBar(BarInputs.of(bar));
    List<Signal> out = new ArrayList<>(signals.size());
    for (io.tickstream.signals.Signal s : signals) {
      out.add(
          Signal.newBuilder()
              .setSignalId("")
              .setInstrumentId(s.instrumentId())
              .setStrategyId(s.strategyId())
              .setDirection(SignalDirection.valueOf(s.direction().name()))
              .setStrength(s.strength())
              .setReason(s.reason())
              .setBarSpec(s.barSpec())
              .setBarStart(s.barStart())
              .setBarEnd(s.barEnd())
              .setRevision(0)
              .setTsEvent(s.barEnd())
              .setTsInit(0)
              .build());
    }
    return out;
  }

  @Override
  protected double[] fingerprint(Signal s) {
    return new double[] {s.getDirection().ordinal(), s.getStrength()};
  }

  @Override
  protected Signal finish(Signal s, int revision, long tsInitNanos) {
    s.setRevision(revision);
    s.setSignalId(
        signalId(s.getInstrumentId(), s.getStrategyId(), s.getBarSpec(), s.getBarEnd(), revision));
    s.setTsInit(tsInitNanos);
    return s;
  }
}
