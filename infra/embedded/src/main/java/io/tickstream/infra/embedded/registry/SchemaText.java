package io.tickstream.infra.embedded.registry;

import org.apache.avro.Schema;

/**
 * A schema as submitted: validated as Avro, with the canonical text (Avro's own JSON rendering)
 * under which the registry compares, stores and returns it.
 */
record SchemaText(Schema parsed, String canonical) {

  /**
   * Parses {@code text} as an Avro schema.
   *
   * @throws RegistryError 42201 when it is not a valid Avro schema
   */
  static SchemaText of(String text) {
    if (text == null || text.isBlank()) {
      throw RegistryError.invalidSchema("Invalid schema: the request has no \"schema\"");
    }
    try {
      Schema schema = new Schema.Parser().parse(text);
      return new SchemaText(schema, schema.toString());
    } catch (RuntimeException e) {
      throw RegistryError.invalidSchema("Invalid schema " + text + ", details: " + e.getMessage());
    }
  }

  /**
   * Parses a registration or lookup request's schema, refusing what this registry does not serve.
   *
   * @param schemaType the request's {@code schemaType}; null means AVRO
   * @param hasReferences whether the request carries schema references
   */
  static SchemaText of(String text, String schemaType, boolean hasReferences) {
    if (schemaType != null && !schemaType.equalsIgnoreCase("AVRO")) {
      throw RegistryError.invalidSchema(
          "Schema type "
              + schemaType
              + " is not supported: this registry serves AVRO schemas only");
    }
    if (hasReferences) {
      throw RegistryError.invalidSchema(
          "Schema references are not supported by this registry: inline the referenced types");
    }
    return of(text);
  }
}
