package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.serde.AvroRecordTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The feature and signal stages of the analytics job, as pure functions of the bar stream (see
 * {@link BarStage} for trades → bars). Both key bars by instrument and spec; each is usable alone.
 */
public final class AnalyticsStages {
  /** Stable uid of the feature operator. */
  public static final String FEATURES_UID = "features";

  /** Stable uid of the signal operator. */
  public static final String SIGNALS_UID = "signals";

  private AnalyticsStages() {}

  /** Features of every bar (revisions included) of the instruments and specs the plan selects. */
  public static DataStream<FeatureVector> features(DataStream<Bar> bars, AnalyticsJobConfig cfg) {
    return bars.keyBy(new BarKey(), Types.STRING)
        .process(
            new FeatureFunction(cfg.plan(), cfg.allowedLateness(), cfg.stateTtl()),
            new AvroRecordTypeInfo<>(FeatureVector.class))
        .name("features")
        .uid(FEATURES_UID);
  }

  /** Signals of every configured strategy and ensemble on every bar they run on. */
  public static DataStream<Signal> signals(DataStream<Bar> bars, AnalyticsJobConfig cfg) {
    return bars.keyBy(new BarKey(), Types.STRING)
        .process(
            new SignalFunction(cfg.plan(), cfg.allowedLateness(), cfg.stateTtl()),
            new AvroRecordTypeInfo<>(Signal.class))
        .name("signals")
        .uid(SIGNALS_UID);
  }
}
