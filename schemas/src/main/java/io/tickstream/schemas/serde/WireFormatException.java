package io.tickstream.schemas.serde;

import java.util.Objects;

/**
 * A value could not be read from the Confluent wire format. {@link #reason()} says why in a
 * machine-readable form; its {@code name()} is the dead-letter {@code reasonCode} when callers
 * route the original bytes to {@code md.dlq}. The message names the topic, what was wrong and what
 * to do.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a value could not be read. */
  public enum Reason {
    /** The first byte is not the Confluent magic byte 0: not written by a registry-aware serde. */
    BAD_MAGIC_BYTE,
    /** The registry does not know the schema id in the header (error 40403). */
    UNKNOWN_SCHEMA_ID,
    /** Fewer than 5 header bytes, or the Avro body ends before the record does. */
    TRUNCATED,
    /** The Avro body does not decode with the writer schema (corrupt or mislabelled bytes). */
    UNREADABLE_BODY,
    /** The registry could not be reached or answered with a server error; retrying may help. */
    REGISTRY_UNAVAILABLE
  }

  private final Reason reason;

  /**
   * @param reason why the value could not be read
   * @param message what was wrong and what to do, naming the topic
   * @param cause the underlying error, or {@code null}
   */
  public WireFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** An exception whose message starts with the topic's name. */
  static WireFormatException forTopic(
      io.tickstream.schemas.Topic<?, ?> topic, Reason reason, String what, Throwable cause) {
    return new WireFormatException(reason, "topic " + topic.name() + ": " + what, cause);
  }

  /** Why the value could not be read. */
  public Reason reason() {
    return reason;
  }
}
