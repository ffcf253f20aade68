package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.bars.BarAccumulator;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class BarAccumulatorSerializerTest {
  private final BarAccumulatorSerializer serializer = BarAccumulatorSerializer.INSTANCE;

  @Test
  void roundTripKeepsEveryFieldSoTheBarContinuesExactly() throws Exception {
    BarAccumulator acc =
        new BarAccumulator()
            .add(700, new BigDecimal("101.12345678"), new BigDecimal("0.5"))
            .add(100, new BigDecimal("100"), new BigDecimal("1.5"))
            .add(400, new BigDecimal("99.00000001"), new BigDecimal("2"));
    BarAccumulator copy = roundTrip(acc);
    // Same bar now, and the same bar after one more trade (notional and times carried over).
    assertThat(copy.toBar("X", "1s", 0, 1000, 0)).isEqualTo(acc.toBar("X", "1s", 0, 1000, 0));
    acc.add(50, new BigDecimal("98"), new BigDecimal("3"));
    copy.add(50, new BigDecimal("98"), new BigDecimal("3"));
    assertThat(copy.toBar("X", "1s", 0, 1000, 1)).isEqualTo(acc.toBar("X", "1s", 0, 1000, 1));
    assertThat(serializer.copy(acc).toBar("X", "1s", 0, 1000, 1))
        .isEqualTo(acc.toBar("X", "1s", 0, 1000, 1));
  }

  @Test
  void anEmptyAccumulatorRoundTrips() throws Exception {
    assertThat(roundTrip(new BarAccumulator()).isEmpty()).isTrue();
  }

  @Test
  void itsSnapshotRestoresACompatibleSerializer() {
    var snapshot = serializer.snapshotConfiguration();
    assertThat(snapshot.restoreSerializer()).isSameAs(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer.snapshotConfiguration()))
        .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
  }

  private BarAccumulator roundTrip(BarAccumulator acc) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(acc, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
