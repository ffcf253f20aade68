package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializationSchema;
import io.tickstream.schemas.serde.AvroWireSerializer;
import io.tickstream.schemas.serde.RegistryClients;
import io.tickstream.schemas.serde.WireFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SkippingDeserializationSchemaTest {
  private static final String REGISTRY = "mock://skipping-deserialization-test";

  private final RecordingMetrics metrics = new RecordingMetrics();

  @AfterEach
  void dropRegistry() {
    RegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void undecodableRecordsAreCountedAndSkipped() throws Exception {
    var schema =
        new SkippingDeserializationSchema<>(
            new AvroWireDeserializationSchema<>(Topics.TRADES, REGISTRY));
    schema.open(context());
    TradeTick good = TradeTicks.trade("BTCUSD.TEST", 1_000_000_000L, "100", "1");
    byte[] bytes;
    try (var serializer = new AvroWireSerializer<>(Topics.TRADES, REGISTRY)) {
      bytes = serializer.serialize(Topics.TRADES.name(), good);
    }

    List<TradeTick> out = new ArrayList<>();
    Collector<TradeTick> collector = collector(out);
    schema.deserialize("{\"json\":true}".getBytes(), collector);
    schema.deserialize(new byte[] {0, 0}, collector);
    schema.deserialize(bytes, collector);

    assertThat(out).containsExactly(good);
    assertThat(metrics.counters.get("undecodableRecords").getCount()).isEqualTo(2);
    assertThat(schema.skipped()).isEqualTo(2);
  }

  @Test
  void anUnreachableRegistryFailsTheJobInsteadOfLosingRecords() throws Exception {
    DeserializationSchema<TradeTick> registryDown =
        new DeserializationSchema<>() {
          @Override
          public TradeTick deserialize(byte[] message) {
            throw new WireFormatException(
                WireFormatException.Reason.REGISTRY_UNAVAILABLE, "registry down", null);
          }

          @Override
          public boolean isEndOfStream(TradeTick next) {
            return false;
          }

          @Override
          public TypeInformation<TradeTick> getProducedType() {
            return null;
          }
        };
    var schema = new SkippingDeserializationSchema<>(registryDown);
    schema.open(context());
    assertThatThrownBy(() -> schema.deserialize(new byte[] {0, 0, 0, 0, 1}, collector(List.of())))
        .isInstanceOf(WireFormatException.class);
    assertThat(schema.skipped()).isZero();
  }

  private DeserializationSchema.InitializationContext context() {
    return new DeserializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return metrics;
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
      }
    };
  }

  private static <T> Collector<T> collector(List<T> sink) {
    return new Collector<>() {
      @Override
      public void collect(T record) {
        sink.add(record);
      }

      @Override
      public void close() {}
    };
  }

  /** A metric group that keeps its counters, to read them in assertions. */
  private static final class RecordingMetrics extends UnregisteredMetricsGroup {
    final Map<String, Counter> counters = new HashMap<>();

    @Override
    public Counter counter(String name) {
      return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
      counters.put(name, counter);
      return counter;
    }
  }
}
