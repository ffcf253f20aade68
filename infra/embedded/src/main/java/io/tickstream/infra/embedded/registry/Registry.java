package io.tickstream.infra.embedded.registry;

import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelRemoved;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelSet;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersion;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersionRemoved;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations, with Confluent Schema Registry's semantics. Each change is appended to
 * {@code _schemas} (and acknowledged) before it is applied in memory and answered, under one lock:
 * a single writer, which is what the local stack and tests need.
 */
final class Registry {
  private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

  private final RegistryState state = new RegistryState();
  private final SchemasTopic topic;

  /** A registry whose state is whatever {@code topic} holds. */
  Registry(SchemasTopic topic) {
    this.topic = topic;
    long records =
        topic.replay(
            record -> {
              try {
                SchemasTopicRecord.parse(record.key(), record.value()).ifPresent(state::apply);
              } catch (RuntimeException e) {
                LOG.warn(
                    "skipping unreadable {} record at offset {}",
                    SchemasTopic.NAME,
                    record.offset(),
                    e);
              }
            });
    LOG.info(
        "schema registry state rebuilt from {} records of {}: {} subjects, max id {}",
        records,
        SchemasTopic.NAME,
        state.subjects(true).size(),
        state.maxId());
  }

  private void write(SchemasTopicRecord change) {
    topic.append(change);
    state.apply(change);
  }

  /** Registers {@code schema} under {@code subject}; returns its global id. */
  synchronized int register(String subject, SchemaText schema) {
    String canonical = schema.canonical();
    List<SchemaVersion> live = state.versions(subject, false);
    for (SchemaVersion v : live) {
      if (v.schema().equals(canonical)) {
        return v.id();
      }
    }
    CompatibilityLevel level = state.level(subject);
    List<String> violations = level.violations(schema.parsed(), parse(live));
    if (!violations.isEmpty()) {
      throw RegistryError.incompatible(
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" (compatibility "
              + level
              + "), details: "
              + violations);
    }
    int id = state.idOf(canonical).orElse(state.nextId());
    int version = state.nextVersion(subject);
    write(new SchemaVersion(subject, version, id, canonical, false));
    LOG.info("registered {} version {} with id {}", subject, version, id);
    return id;
  }

  /** The version of {@code subject} that holds {@code schema}. */
  synchronized SchemaVersion lookup(String subject, SchemaText schema, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    String canonical = schema.canonical();
    return versions.stream()
        .filter(v -> v.schema().equals(canonical))
        .reduce((first, second) -> second)
        .orElseThrow(() -> RegistryError.schemaNotFound("Schema not found"));
  }

  synchronized String schema(int id) {
    return state
        .schema(id)
        .orElseThrow(() -> RegistryError.schemaNotFound("Schema " + id + " not found"));
  }

  synchronized int maxId() {
    return state.maxId();
  }

  synchronized List<SchemaVersion> versionsWithId(int id) {
    schema(id);
    return state.versionsWithId(id);
  }

  synchronized List<String> subjects(boolean includeDeleted) {
    return state.subjects(includeDeleted);
  }

  synchronized List<Integer> versions(String subject, boolean includeDeleted) {
    List<Integer> versions =
        state.versions(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return versions;
  }

  /** Version {@code versionId} ({@code latest}, {@code -1} or a number) of {@code subject}. */
  synchronized SchemaVersion version(String subject, String versionId, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    Optional<Integer> number = VersionId.parse(versionId);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    if (number.isEmpty()) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream()
        .filter(v -> v.version() == number.get())
        .findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(subject, number.get()));
  }

  /**
   * Why {@code schema} could not be registered under {@code subject} by its compatibility level:
   * against version {@code versionId}, or ({@code latest} or null) against what registration
   * checks. Empty when compatible.
   */
  synchronized List<String> compatibility(String subject, String versionId, SchemaText schema) {
    CompatibilityLevel level = state.level(subject);
    Optional<Integer> number = versionId == null ? Optional.empty() : VersionId.parse(versionId);
    if (number.isEmpty()) {
      return level.violations(schema.parsed(), parse(state.versions(subject, false)));
    }
    SchemaVersion against = version(subject, versionId, false);
    return level.violationsAgainst(schema.parsed(), SchemaText.of(against.schema()).parsed());
  }

  synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  synchronized void setGlobalLevel(CompatibilityLevel level) {
    write(new LevelSet(null, level));
  }

  /** The subject's own level; the global one when it has none and {@code defaultToGlobal}. */
  synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    return state
        .subjectLevel(subject)
        .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
        .orElseThrow(() -> RegistryError.subjectLevelNotConfigured(subject));
  }

  synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
    write(new LevelSet(subject, level));
  }

  /** Removes the subject's own level and returns it. */
  synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
    CompatibilityLevel previous = subjectLevel(subject, false);
    write(new LevelRemoved(subject));
    return previous;
  }

  /** Soft-deletes every live version, or permanently removes a soft-deleted subject. */
  synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    List<SchemaVersion> all = state.versions(subject, true);
    if (all.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    boolean anyLive = all.stream().anyMatch(v -> !v.deleted());
    List<Integer> deleted = new ArrayList<>();
    if (!permanent) {
      if (!anyLive) {
        throw RegistryError.subjectSoftDeleted(subject);
      }
      for (SchemaVersion v : all) {
        if (!v.deleted()) {
          write(v.softDeleted());
          deleted.add(v.version());
        }
      }
    } else {
      if (anyLive) {
        throw RegistryError.subjectNotSoftDeleted(subject);
      }
      for (SchemaVersion v : all) {
        write(new SchemaVersionRemoved(subject, v.version()));
        deleted.add(v.version());
      }
      if (state.subjectLevel(subject).isPresent()) {
        write(new LevelRemoved(subject));
      }
    }
    LOG.info("deleted subject {} versions {} (permanent: {})", subject, deleted, permanent);
    return deleted;
  }

  /** Soft-deletes a live version, or permanently removes a soft-deleted one. */
  synchronized int deleteVersion(String subject, String versionId, boolean permanent) {
    SchemaVersion v = version(subject, versionId, permanent);
    if (!permanent) {
      if (v.deleted()) {
        throw RegistryError.versionSoftDeleted(subject, v.version());
      }
      write(v.softDeleted());
    } else {
      if (!v.deleted()) {
        throw RegistryError.versionNotSoftDeleted(subject, v.version());
      }
      write(new SchemaVersionRemoved(subject, v.version()));
    }
    return v.version();
  }

  private static List<Schema> parse(List<SchemaVersion> versions) {
    return versions.stream().map(v -> SchemaText.of(v.schema()).parsed()).toList();
  }
}
