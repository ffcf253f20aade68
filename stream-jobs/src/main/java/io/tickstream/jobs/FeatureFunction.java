package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.FeatureVector;
import java.time.Duration;
import java.util.List;

/**
 * Features of each bar: the {@link FeatureSet} of its instrument and spec, updated bar by bar, with
 * revisions replayed (see {@link ReplayingBarFunction}). Metric {@code featuresOut}.
 */
public final class FeatureFunction extends ReplayingBarFunction<FeatureSet, FeatureVector> {
  private static final long serialVersionUID = 1L;

  private final SignalPlan plan;

  /**
   * @param plan which instruments and resolutions get features
   * @param allowedLateness as configured for the bars
   * @param stateTtl event time without bars after which a key's state is dropped
   */
  public FeatureFunction(SignalPlan plan, Duration allowedLateness, Duration stateTtl) {
    super(allowedLateness, stateTtl, "featuresOut");
    this.plan = plan;
  }

  @Override
  protected FeatureSet newEngine(String instrumentId, String spec) {
    return plan.featuresFor(instrumentId, spec) ? new FeatureSet() : null;
  }

  @Override
  protected Record snapshot(FeatureSet engine) {
    return engine.snapshot();
  }

  @Override
  protected void restore(FeatureSet engine, Record state) {
    if (!(state instanceof FeatureSet.State s)) {
      throw new IllegalArgumentException("not a feature state: " + state.getClass());
    }
    engine.restore(s);
  }

  @Override
  protected List<FeatureVector> apply(FeatureSet engine, Bar bar) {
    return List.of(
        engine.update(
            bar.getInstrumentId(), bar.getSpec(), bar.getStart(), bar.getEnd(), BarInputs.of(bar)));
  }

  @Override
  protected double[] fingerprint(FeatureVector v) {
    return new double[] {
      v.getClose(),
      d(v.getSma()),
      d(v.getEma()),
      d(v.getRsi()),
      d(v.getMacd()),
      d(v.getMacdSignal()),
      d(v.getMacdHistogram()),
      d(v.getBollingerUpper()),
      d(v.getBollingerMiddle()),
      d(v.getBollingerLower()),
      d(v.getAtr()),
      d(v.getVwap()),
      d(v.getDonchianUpper()),
      d(v.getDonchianLower()),
      d(v.getStochasticK()),
      d(v.getStochasticD()),
      d(v.getObv()),
      d(v.getVolatility()),
      d(v.getZScore()),
      v.getBarsSeen()
    };
  }

  private static double d(Double value) {
    return value == null ? Double.NaN : value;
  }

  @Override
  protected FeatureVector finish(FeatureVector v, int revision, long tsInitNanos) {
    v.setRevision(revision);
    v.setTsInit(tsInitNanos);
    return v;
  }
}
