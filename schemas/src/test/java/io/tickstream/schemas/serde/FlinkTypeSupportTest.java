package io.tickstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.SampleRecords;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records produced by the Flink schemas travel through Flink's own serialization stack. */
class FlinkTypeSupportTest {
  private final String url = "mock://flink-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    RegistryClients.dropMockScope(url);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(TypeSerializer<T> serializer, Object record) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize((T) record, out);
    serializer.serialize((T) record, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T first = serializer.deserialize(in);
    T second = serializer.deserialize(in);
    assertThat(second).isEqualTo(first);
    assertThat(in.available()).isZero();
    return first;
  }

  @Test
  void everyRecordTypeRoundTripsThroughTheProducedTypesSerializer() throws Exception {
    for (SpecificRecord record : SampleRecords.everyType()) {
      @SuppressWarnings("unchecked")
      Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
      TypeSerializer<SpecificRecord> serializer =
          new AvroRecordTypeInfo<>(type).createSerializer(new SerializerConfigImpl());
      TypeSerializer<SpecificRecord> restored =
          InstantiationUtil.clone(serializer.duplicate(), getClass().getClassLoader());
      assertThat(roundTrip(restored, record)).as(type.getSimpleName()).isEqualTo(record);
      assertThat(serializer.copy(record)).isEqualTo(record).isNotSameAs(record);
    }
  }

  @Test
  void decimalsAndEnumsSurviveFlinkSerialization() throws Exception {
    TradeTick tick = SampleRecords.trade(3);
    tick.setAggressorSide(AggressorSide.BUYER);
    tick.setPrice(SampleRecords.dec("12345678901234567890.12345678"));
    TypeSerializer<TradeTick> serializer =
        new AvroWireDeserializationSchema<>(Topics.TRADES, url)
            .getProducedType()
            .createSerializer(new SerializerConfigImpl());
    TradeTick back = roundTrip(serializer, tick);
    assertThat(back.getAggressorSide()).isEqualTo(AggressorSide.BUYER);
    assertThat(back.getPrice()).isEqualTo(SampleRecords.dec("12345678901234567890.12345678"));
  }

  @Test
  void copyingRawBytesKeepsTheRecord() throws Exception {
    TypeSerializer<TradeTick> serializer = new AvroRecordSerializer<>(TradeTick.class);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(SampleRecords.trade(1), out);
    DataOutputSerializer copy = new DataOutputSerializer(64);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copy);
    assertThat(serializer.deserialize(new DataInputDeserializer(copy.getCopyOfBuffer())))
        .isEqualTo(SampleRecords.trade(1));
  }

  @Test
  void snapshotRestoresTheSerializerAndJudgesSchemaChanges() throws Exception {
    TypeSerializer<TradeTick> serializer = new AvroRecordSerializer<>(TradeTick.class);
    var snapshot = serializer.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(256);
    snapshot.writeSnapshot(out);
    AvroRecordSerializerSnapshot<TradeTick> read = new AvroRecordSerializerSnapshot<>();
    read.readSnapshot(
        snapshot.getCurrentVersion(),
        new DataInputDeserializer(out.getCopyOfBuffer()),
        getClass().getClassLoader());

    assertThat(read.restoreSerializer())
        .isEqualTo(
            new AvroRecordSerializer<>(TradeTick.class, TradeTick.getClassSchema().toString()));
    assertThat(snapshot.resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
    var otherType = new AvroRecordSerializer<>(io.tickstream.schemas.avro.Bar.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    var mismatch =
        snapshot.resolveSchemaCompatibility(
            (org.apache.flink.api.common.typeutils.TypeSerializerSnapshot)
                otherType.snapshotConfiguration());
    assertThat(mismatch.isIncompatible()).isTrue();
  }

  @Test
  void flinkSchemasAreSerializableAndWorkAfterShipping() throws Exception {
    var serializationSchema = new AvroWireSerializationSchema<>(Topics.TRADES, url);
    var deserializationSchema = new AvroWireDeserializationSchema<>(Topics.TRADES, url);
    var shippedOut = InstantiationUtil.clone(serializationSchema, getClass().getClassLoader());
    var shippedIn = InstantiationUtil.clone(deserializationSchema, getClass().getClassLoader());
    shippedOut.open(null);
    shippedIn.open(null);

    byte[] bytes = shippedOut.serialize(SampleRecords.trade(5));
    assertThat(shippedIn.deserialize(bytes)).isEqualTo(SampleRecords.trade(5));
    assertThat(shippedIn.getProducedType())
        .isEqualTo(new AvroRecordTypeInfo<>(TradeTick.class))
        .isEqualTo(InstantiationUtil.clone(shippedIn.getProducedType()));
  }
}
