package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.Bar;
import java.math.BigDecimal;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class BarSerializerTest {
  private final BarSerializer serializer = BarSerializer.INSTANCE;

  private static Bar bar(String high) {
    return new Bar(
        "ETHUSD.KRAKEN",
        "1m",
        1_767_571_200_000_000_000L,
        1_767_571_260_000_000_000L,
        new BigDecimal("3100.10000000"),
        new BigDecimal(high),
        new BigDecimal("3099.00000000"),
        new BigDecimal("3100.55000000"),
        new BigDecimal("12.34567890"),
        42L,
        new BigDecimal("3100.31234567"),
        3,
        1_767_571_260_000_000_000L,
        1_767_571_260_004_000_000L);
  }

  @Test
  void roundTripKeepsEveryFieldAndDecimalScale() throws Exception {
    Bar b = bar("3101.00000000");
    Bar back = roundTrip(b);
    assertThat(back).isEqualTo(b);
    assertThat(back.getVwap().scale()).isEqualTo(8);
  }

  @Test
  void decimalsBeyondALongRoundTripExactly() throws Exception {
    Bar b = bar("99999999999999999999.99999999");
    assertThat(roundTrip(b)).isEqualTo(b);
  }

  @Test
  void copyIsEqualAndAnotherInstance() {
    Bar b = bar("3101.00000000");
    assertThat(serializer.copy(b)).isEqualTo(b).isNotSameAs(b);
  }

  @Test
  void typeInfoHandsOutTheSerializerAndItsSnapshotRestoresIt() {
    assertThat(BarSerializer.TYPE_INFO.createSerializer(new SerializerConfigImpl()))
        .isSameAs(serializer);
    var snapshot = serializer.snapshotConfiguration();
    assertThat(snapshot.restoreSerializer()).isSameAs(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer.snapshotConfiguration()))
        .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
  }

  private Bar roundTrip(Bar b) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(b, out);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    DataInputDeserializer in = new DataInputDeserializer(copied.getCopyOfBuffer());
    Bar back = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }
}
