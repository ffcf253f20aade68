package io.tickstream.infra.embedded.registry;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One change of registry state as a record of the compacted {@code _schemas} topic, in Confluent
 * Schema Registry's own key/value JSON: a key per subject version ({@code SCHEMA}) and per
 * compatibility setting ({@code CONFIG}); a {@code null} value (tombstone) removes the key. The
 * latest value of each key is the state, so compaction keeps exactly what a restart needs.
 */
sealed interface SchemasTopicRecord {
  /** The record key, with a fixed field order so that equal keys are equal bytes. */
  String key();

  /** The record value, {@code null} for a tombstone. */
  String value();

  /** A version of a subject, live or soft-deleted. */
  record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
      implements SchemasTopicRecord {
    @Override
    public String key() {
      return schemaKey(subject, version);
    }

    @Override
    public String value() {
      return new JsonObject()
          .put("subject", subject)
          .put("version", version)
          .put("id", id)
          .put("schema", schema)
          .put("deleted", deleted)
          .encode();
    }

    SchemaVersion softDeleted() {
      return new SchemaVersion(subject, version, id, schema, true);
    }
  }

  /** A version deleted permanently. */
  record SchemaVersionRemoved(String subject, int version) implements SchemasTopicRecord {
    @Override
    public String key() {
      return schemaKey(subject, version);
    }

    @Override
    public String value() {
      return null;
    }
  }

  /** The compatibility level of a subject, or the global one when {@code subject} is null. */
  record LevelSet(String subject, CompatibilityLevel level) implements SchemasTopicRecord {
    @Override
    public String key() {
      return configKey(subject);
    }

    @Override
    public String value() {
      return new JsonObject().put("compatibilityLevel", level.name()).encode();
    }
  }

  /** A subject's own level removed: it follows the global level again. */
  record LevelRemoved(String subject) implements SchemasTopicRecord {
    @Override
    public String key() {
      return configKey(subject);
    }

    @Override
    public String value() {
      return null;
    }
  }

  private static String schemaKey(String subject, int version) {
    return new JsonObject()
        .put("keytype", "SCHEMA")
        .put("subject", subject)
        .put("version", version)
        .put("magic", 1)
        .encode();
  }

  private static String configKey(String subject) {
    return new JsonObject()
        .put("keytype", "CONFIG")
        .put("subject", subject)
        .put("magic", 0)
        .encode();
  }

  /**
   * The change a topic record stands for; empty for key types this registry does not use (Confluent
   * also writes e.g. {@code NOOP} and {@code MODE} keys).
   *
   * @throws IllegalArgumentException when the key or value is not the expected JSON
   */
  static Optional<SchemasTopicRecord> parse(String key, String value) {
    JsonObject k;
    JsonObject v;
    try {
      k = new JsonObject(key);
      v = value == null ? null : new JsonObject(value);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("not a _schemas record: " + key + " -> " + value, e);
    }
    String subject = k.getString("subject");
    switch (k.getString("keytype", "")) {
      case "SCHEMA":
        int version = k.getInteger("version");
        if (v == null) {
          return Optional.of(new SchemaVersionRemoved(subject, version));
        }
        return Optional.of(
            new SchemaVersion(
                subject,
                version,
                v.getInteger("id"),
                v.getString("schema"),
                v.getBoolean("deleted", false)));
      case "CONFIG":
        if (v == null) {
          return Optional.of(new LevelRemoved(subject));
        }
        return Optional.of(
            new LevelSet(subject, CompatibilityLevel.parse(v.getString("compatibilityLevel"))));
      default:
        return Optional.empty();
    }
  }
}
