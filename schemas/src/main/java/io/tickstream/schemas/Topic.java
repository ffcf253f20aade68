package io.tickstream.schemas;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic as a typed contract: its name, the type of its keys and the Avro type of its
 * values. Keys are plain UTF-8 strings on the wire; values use the Confluent wire format with the
 * schema registered under the subject {@code <name>-value} (TopicNameStrategy).
 *
 * @param name the topic name
 * @param keyType the Java type of keys (always {@link String} for now)
 * @param valueType the generated Avro class of values
 * @param cleanup whether the topic keeps the latest value per key (compact) or a time window
 * @param description one line for people: what flows here
 */
public record Topic<K, V extends SpecificRecord>(
    String name, Class<K> keyType, Class<V> valueType, Cleanup cleanup, String description)
    implements java.io.Serializable {

  /** Kafka's {@code cleanup.policy} of a topic. */
  public enum Cleanup {
    DELETE("delete"),
    COMPACT("compact");

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }

    /** The value of the topic config {@code cleanup.policy}. */
    public String policy() {
      return policy;
    }
  }

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(cleanup, "cleanup");
    if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("not a legal Kafka topic name: '" + name + "'");
    }
  }

  /** The registry subject of the value schema, by Confluent's TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }

  /** The Avro schema of the values, from the generated class. */
  public Schema valueSchema() {
    return AvroTypes.schemaOf(valueType);
  }

  @Override
  public String toString() {
    return name;
  }
}
