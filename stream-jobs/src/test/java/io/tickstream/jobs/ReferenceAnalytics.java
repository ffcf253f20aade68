package io.tickstream.jobs;

import io.tickstream.jobs.TradeScenario.ExpectedBar;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import io.tickstream.signals.BarInput;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.ThresholdBarAggregator;
import io.tickstream.signals.strategies.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the job must output for a {@link TradeScenario}, computed without Flink: the bars from the
 * scenario's own BigDecimal arithmetic, then per instrument and spec those bars in order through
 * the indicator set and through fresh strategies built by the {@code signals} factory.
 */
final class ReferenceAnalytics {
  final List<ExpectedBar> bars = new ArrayList<>();
  final List<FeatureVector> features = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();

  ReferenceAnalytics(TradeScenario scenario, AnalyticsJobConfig cfg) {
    for (var spec : cfg.resolutions()) {
      bars.addAll(scenario.expectedBars(spec.text(), spec.sizeNanos() / 1_000_000L));
    }
    for (var spec : cfg.thresholdBars()) {
      bars.addAll(
          scenario.expectedThresholdBars(
              spec.text(),
              spec.measure() == ThresholdBarAggregator.Measure.TICKS,
              spec.threshold()));
    }
    Map<String, List<ExpectedBar>> byKey = new TreeMap<>();
    for (ExpectedBar b : bars) {
      byKey.computeIfAbsent(BarKey.of(b.instrumentId(), b.spec()), k -> new ArrayList<>()).add(b);
    }
    SignalPlan plan = cfg.plan();
    byKey.forEach(
        (key, list) -> {
          list.sort(Comparator.comparingLong(ExpectedBar::start));
          String instrument = list.get(0).instrumentId();
          String spec = list.get(0).spec();
          FeatureSet featureSet = plan.featuresFor(instrument, spec) ? new FeatureSet() : null;
          List<Strategy> strategies = plan.strategiesFor(instrument, spec);
          for (ExpectedBar e : list) {
            Bar bar = core(e);
            if (featureSet != null) {
              features.add(
                  featureSet.update(instrument, spec, e.start(), e.end(), BarInput.of(bar)));
            }
            for (Strategy s : strategies) {
              signals.add(signal(s.onBar(bar)));
            }
          }
        });
  }

  /** The form features are compared in: revision and tsInit zeroed. */
  static FeatureVector comparable(FeatureVector v) {
    return FeatureVector.newBuilder(v).setTsInit(0).build();
  }

  /** The form signals are compared in: tsInit zeroed. */
  static Signal comparable(Signal s) {
    return Signal.newBuilder(s).setTsInit(0).build();
  }

  private static Bar core(ExpectedBar e) {
    return new Bar(
        e.instrumentId(),
        e.spec(),
        e.start(),
        e.end(),
        e.open(),
        e.high(),
        e.low(),
        e.close(),
        e.volume(),
        e.tradeCount(),
        e.vwap(),
        0);
  }

  private static Signal signal(io.tickstream.signals.Signal s) {
    return Signal.newBuilder()
        .setSignalId(
            SignalFunction.signalId(s.instrumentId(), s.strategyId(), s.barSpec(), s.barEnd(), 0))
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
        .build();
  }
}
