package io.tickstream.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Looks up the Avro schema of a generated {@link SpecificRecord} class. */
final class AvroTypes {
  private AvroTypes() {}

  static Schema schemaOf(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }
}
