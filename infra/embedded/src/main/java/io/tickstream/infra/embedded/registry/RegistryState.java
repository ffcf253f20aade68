package io.tickstream.infra.embedded.registry;

import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelRemoved;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelSet;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersion;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersionRemoved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's state in memory: what replaying the {@code _schemas} topic in order gives. Every
 * change goes through {@link #apply}, at start-up and after each acknowledged write alike. Not
 * thread-safe: {@link Registry} guards it.
 */
final class RegistryState {
  private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private int maxId;

  void apply(SchemasTopicRecord change) {
    if (change instanceof SchemaVersion v) {
      subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
      schemasById.put(v.id(), v.schema());
      idsBySchema.putIfAbsent(v.schema(), v.id());
      maxId = Math.max(maxId, v.id());
    } else if (change instanceof SchemaVersionRemoved r) {
      TreeMap<Integer, SchemaVersion> versions = subjects.get(r.subject());
      SchemaVersion removed = versions == null ? null : versions.remove(r.version());
      if (versions != null && versions.isEmpty()) {
        subjects.remove(r.subject());
      }
      if (removed != null && !isReferenced(removed.id())) {
        schemasById.remove(removed.id());
        idsBySchema.remove(removed.schema(), removed.id());
      }
    } else if (change instanceof LevelSet l) {
      if (l.subject() == null) {
        globalLevel = l.level();
      } else {
        subjectLevels.put(l.subject(), l.level());
      }
    } else if (change instanceof LevelRemoved l) {
      if (l.subject() == null) {
        globalLevel = CompatibilityLevel.DEFAULT;
      } else {
        subjectLevels.remove(l.subject());
      }
    }
  }

  private boolean isReferenced(int id) {
    return subjects.values().stream().flatMap(m -> m.values().stream()).anyMatch(v -> v.id() == id);
  }

  /** Versions of {@code subject}, oldest first; soft-deleted ones only when asked. */
  List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
    List<SchemaVersion> result = new ArrayList<>();
    if (versions != null) {
      for (SchemaVersion v : versions.values()) {
        if (includeDeleted || !v.deleted()) {
          result.add(v);
        }
      }
    }
    return result;
  }

  /** Version {@code version} of {@code subject}, soft-deleted or not. */
  Optional<SchemaVersion> version(String subject, int version) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return Optional.ofNullable(versions == null ? null : versions.get(version));
  }

  /** Whether {@code subject} has any version, soft-deleted ones included. */
  boolean exists(String subject) {
    return subjects.containsKey(subject);
  }

  /** Subjects with a live version (or any version, when asked), sorted. */
  List<String> subjects(boolean includeDeleted) {
    List<String> result = new ArrayList<>();
    subjects.forEach(
        (subject, versions) -> {
          if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
            result.add(subject);
          }
        });
    return result;
  }

  /** Live versions, across subjects, that carry schema {@code id}. */
  List<SchemaVersion> versionsWithId(int id) {
    List<SchemaVersion> result = new ArrayList<>();
    for (TreeMap<Integer, SchemaVersion> versions : subjects.values()) {
      for (SchemaVersion v : versions.values()) {
        if (v.id() == id && !v.deleted()) {
          result.add(v);
        }
      }
    }
    return result;
  }

  Optional<String> schema(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  Optional<Integer> idOf(String canonicalSchema) {
    return Optional.ofNullable(idsBySchema.get(canonicalSchema));
  }

  int nextId() {
    return maxId + 1;
  }

  int maxId() {
    return maxId;
  }

  /** The next version number of {@code subject}: numbering continues after soft deletes. */
  int nextVersion(String subject) {
    TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }

  /** The level that applies to {@code subject}: its own, or the global one. */
  CompatibilityLevel level(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }
}
