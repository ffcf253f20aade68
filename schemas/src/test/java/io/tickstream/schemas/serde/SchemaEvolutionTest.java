package io.tickstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.SampleRecords;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.TradeTick;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writer and reader schemas differ: the codec resolves them the Avro way. */
class SchemaEvolutionTest {
  private final String url = "mock://evolution-" + UUID.randomUUID();
  private final SchemaRegistryClient registry = RegistryClients.create(url);

  @AfterEach
  void dropScope() {
    RegistryClients.dropMockScope(url);
  }

  /**
   * Writes {@code record} with {@code schema} registered under {@code subject}, Confluent-framed.
   */
  private byte[] frame(String subject, Schema schema, GenericRecord record) throws Exception {
    int id = registry.register(subject, new AvroSchema(schema.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void aNewerWriterWithAnExtraFieldIsReadIntoTheOlderClass() throws Exception {
    Schema v1 = TradeTick.getClassSchema();
    Schema v2 = copyWithExtraField(v1);

    TradeTick tick = SampleRecords.trade(7);
    GenericRecord written = new GenericData.Record(v2);
    for (Schema.Field f : v1.getFields()) {
      written.put(f.name(), rawValue(tick, f));
    }
    written.put("venueSequence", 123456L);

    byte[] bytes = frame(Topics.TRADES.valueSubject(), v2, written);
    TradeTick read = new AvroWireCodec<>(Topics.TRADES, url).decode(bytes);
    assertThat(read).isEqualTo(tick);
  }

  @Test
  void anOlderWriterWithoutAFieldGetsTheReaderDefault() throws Exception {
    Schema current = Instrument.getClassSchema();
    Schema old = withoutField(current, "active");
    Instrument instrument = SampleRecords.instrument();
    instrument.setActive(true);
    GenericRecord written = new GenericData.Record(old);
    for (Schema.Field f : old.getFields()) {
      written.put(f.name(), rawValue(instrument, current.getField(f.name())));
    }
    byte[] bytes = frame(Topics.INSTRUMENTS.valueSubject(), old, written);

    Instrument read = new AvroWireCodec<>(Topics.INSTRUMENTS, url).decode(bytes);
    assertThat(read.getActive()).isTrue();
    assertThat(read.getTickSize()).isEqualTo(instrument.getTickSize());
    assertThat(read.getInstrumentId()).isEqualTo("AAPL.XNAS");
  }

  /** The field's value as Avro's generic model holds it (decimals as bytes, enums as symbols). */
  private static Object rawValue(
      org.apache.avro.specific.SpecificRecordBase record, Schema.Field f) {
    Object value = record.get(f.pos());
    Schema schema = f.schema();
    if (value instanceof java.math.BigDecimal d) {
      return new org.apache.avro.Conversions.DecimalConversion()
          .toBytes(d, schema, schema.getLogicalType());
    }
    if (value instanceof Enum<?> e) {
      return new GenericData.EnumSymbol(schema, e.name());
    }
    return value;
  }

  private static Schema copyWithExtraField(Schema schema) {
    java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(
        new Schema.Field("venueSequence", Schema.create(Schema.Type.LONG), "added in v2", 0L));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withoutField(Schema schema, String name) {
    java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      if (!f.name().equals(name)) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
