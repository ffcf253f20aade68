package io.tickstream.jobs;

import io.tickstream.jobs.AnalyticsJobConfig.Delivery;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireSerializationSchema;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka sinks of the analytics job, each keyed by instrument. Exactly-once sinks write in Kafka
 * transactions committed at checkpoints, each with its own transactional id prefix ({@code
 * <transactional.id.prefix>-<sink>}), so two sinks never fence each other. Records carry the time
 * they were written as their Kafka timestamp, not event time ({@link WriteTimeStamps} says why).
 */
public final class AnalyticsSinks {
  private AnalyticsSinks() {}

  /** Bars, exactly once. */
  public static KafkaSink<Bar> bars(AnalyticsJobConfig cfg) {
    return sink(cfg, Topics.BARS, Bar::getInstrumentId, Delivery.EXACTLY_ONCE, "bars");
  }

  /** Features, exactly once. */
  public static KafkaSink<FeatureVector> features(AnalyticsJobConfig cfg) {
    return sink(
        cfg, Topics.FEATURES, FeatureVector::getInstrumentId, Delivery.EXACTLY_ONCE, "features");
  }

  /**
   * Signals, as {@code signals.delivery} says: exactly once by default (visible at checkpoints), or
   * at least once (sent as soon as computed; a replay re-sends the same deterministic ids, which
   * consumers drop).
   */
  public static KafkaSink<Signal> signals(AnalyticsJobConfig cfg) {
    return sink(cfg, Topics.SIGNALS, Signal::getInstrumentId, cfg.signalsDelivery(), "signals");
  }

  /**
   * Late trades, at least once: they are diagnostics, and a transaction per checkpoint would buy
   * nothing for them.
   */
  public static KafkaSink<TradeTick> lateTrades(AnalyticsJobConfig cfg) {
    return sink(
        cfg, Topics.LATE_TRADES, TradeTick::getInstrumentId, Delivery.AT_LEAST_ONCE, "late");
  }

  /** The record key on the wire: the instrument id in UTF-8. */
  private record InstrumentKey<T>(SerializableFunction<T, String> instrument)
      implements SerializationSchema<T> {
    @Override
    public byte[] serialize(T element) {
      return instrument.apply(element).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static <T extends SpecificRecord> KafkaSink<T> sink(
      AnalyticsJobConfig cfg,
      Topic<String, T> topic,
      SerializableFunction<T, String> instrument,
      Delivery delivery,
      String name) {
    SerializationSchema<T> key = new InstrumentKey<>(instrument);
    var builder =
        KafkaSink.<T>builder()
            .setBootstrapServers(cfg.bootstrapServers())
            .setRecordSerializer(
                new WriteTimeStamps<>(
                    KafkaRecordSerializationSchema.<T>builder()
                        .setTopic(topic.name())
                        .setKeySerializationSchema(key)
                        .setValueSerializationSchema(
                            new AvroWireSerializationSchema<>(topic, cfg.registryUrl()))
                        .build()));
    if (delivery == Delivery.EXACTLY_ONCE) {
      builder
          .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
          .setTransactionalIdPrefix(cfg.transactionalIdPrefix(name))
          .setProperty(
              ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
              Long.toString(cfg.transactionTimeout().toMillis()));
    } else {
      builder
          .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
          .setProperty(ProducerConfig.LINGER_MS_CONFIG, "0");
    }
    return builder.build();
  }
}
