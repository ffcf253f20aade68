package io.tickstream.infra.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. BACKWARD:
 * the new schema reads data written with the old; FORWARD: the old reads the new; FULL: both.
 * {@code *_TRANSITIVE} checks every live version, the others only the latest.
 */
enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** The level of subjects with no level of their own, until {@code PUT /config} changes it. */
  static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The level named {@code name} (any case), or a 42203 error. */
  static CompatibilityLevel parse(String name) {
    if (name == null) {
      throw RegistryError.invalidCompatibilityLevel("null");
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryError.invalidCompatibilityLevel(name);
    }
  }

  /**
   * Why {@code candidate} may not follow {@code existing} (oldest first) under this level; empty
   * when it may.
   */
  List<String> violations(Schema candidate, List<Schema> existing) {
    List<String> messages = new ArrayList<>();
    if (existing.isEmpty() || this == NONE) {
      return messages;
    }
    List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
    for (Schema previous : against) {
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), messages);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), messages);
      }
    }
    return messages;
  }

  /** Violations of this level's direction against one given version only. */
  List<String> violationsAgainst(Schema candidate, Schema previous) {
    List<String> messages = new ArrayList<>();
    if (this != NONE) {
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), messages);
      }
      if (forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), messages);
      }
    }
    return messages;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility pair, List<String> messages) {
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility i : pair.getResult().getIncompatibilities()) {
      messages.add(
          "{errorType:'"
              + i.getType()
              + "', description:'"
              + i.getMessage()
              + "', additionalInfo:'at "
              + i.getLocation()
              + "'}");
    }
    if (messages.isEmpty()) {
      messages.add(pair.getDescription());
    }
  }
}
