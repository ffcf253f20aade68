package io.tickstream.infra.embedded.registry;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;

/** Small Avro record schemas that evolve compatibly or not, for registry tests. */
final class RecordSchemas {
  private RecordSchemas() {}

  /** {@code record <name> { string a; <extraFields> }} as schema JSON. */
  static String record(String name, String... extraFields) {
    StringBuilder fields = new StringBuilder("{\"name\":\"a\",\"type\":\"string\"}");
    for (String field : extraFields) {
      fields.append(',').append(field);
    }
    return "{\"type\":\"record\",\"name\":\""
        + name
        + "\",\"namespace\":\"io.tickstream.test\",\"fields\":["
        + fields
        + "]}";
  }

  /** A field {@code name} of type int without a default: adding it breaks BACKWARD. */
  static String required(String name) {
    return "{\"name\":\"" + name + "\",\"type\":\"int\"}";
  }

  /** A field {@code name} of type int with default 0: a compatible addition. */
  static String optional(String name) {
    return "{\"name\":\"" + name + "\",\"type\":\"int\",\"default\":0}";
  }

  static AvroSchema avro(String json) {
    return new AvroSchema(json);
  }
}
