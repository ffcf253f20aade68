package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.FeatureVector;
import java.util.List;
import java.util.function.Function;

/**
 * Stores {@link Topics#FEATURES} into table {@code features}, one row per indicator value keyed by
 * (instrument, spec, bar end, feature name); warming-up indicators (null) make no row. The highest
 * revision of a bar's vector wins, so a redelivered older revision leaves the rows as they are.
 */
final class FeatureWriter implements TableWriter<FeatureVector> {

  /** A feature name (snake_case of the Avro field, what the API filters by) and its value. */
  private record Feature(String name, Function<FeatureVector, Double> value) {}

  private static final List<Feature> FEATURES =
      List.of(
          new Feature("sma", FeatureVector::getSma),
          new Feature("ema", FeatureVector::getEma),
          new Feature("rsi", FeatureVector::getRsi),
          new Feature("macd", FeatureVector::getMacd),
          new Feature("macd_signal", FeatureVector::getMacdSignal),
          new Feature("macd_histogram", FeatureVector::getMacdHistogram),
          new Feature("bollinger_upper", FeatureVector::getBollingerUpper),
          new Feature("bollinger_middle", FeatureVector::getBollingerMiddle),
          new Feature("bollinger_lower", FeatureVector::getBollingerLower),
          new Feature("atr", FeatureVector::getAtr),
          new Feature("vwap", FeatureVector::getVwap),
          new Feature("donchian_upper", FeatureVector::getDonchianUpper),
          new Feature("donchian_lower", FeatureVector::getDonchianLower),
          new Feature("stochastic_k", FeatureVector::getStochasticK),
          new Feature("stochastic_d", FeatureVector::getStochasticD),
          new Feature("obv", FeatureVector::getObv),
          new Feature("volatility", FeatureVector::getVolatility),
          new Feature("z_score", FeatureVector::getZScore));

  /** The feature names stored, in column order of the vector. */
  static List<String> names() {
    return FEATURES.stream().map(Feature::name).toList();
  }

  @Override
  public Topic<String, FeatureVector> topic() {
    return Topics.FEATURES;
  }

  @Override
  public String table() {
    return "features";
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.FEATURES;
  }

  /** Never called: a vector is several rows, see {@link #rows}. */
  @Override
  public void columns(FeatureVector vector, long kafkaTimestampMs, CopyLine line) {
    throw new UnsupportedOperationException("a feature vector is stored as a row per feature");
  }

  @Override
  public void rows(FeatureVector vector, long kafkaTimestampMs, CopyRows out) {
    for (Feature f : FEATURES) {
      Double value = f.value().apply(vector);
      if (value != null) {
        out.line()
            .text(vector.getInstrumentId())
            .text(vector.getSpec())
            .epochNanos(vector.getBarEnd())
            .text(f.name())
            .float8(value)
            .integer(vector.getRevision())
            .epochNanos(vector.getTsInit());
      }
    }
  }
}
