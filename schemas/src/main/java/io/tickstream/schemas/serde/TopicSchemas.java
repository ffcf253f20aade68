package io.tickstream.schemas.serde;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.serde.WireFormatException.Reason;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry side of one topic's values: the id of its value schema (registered once under {@link
 * Topic#valueSubject()}, kept after the first success) and writer schemas by id. Turns the shaded
 * client's errors into {@link SchemaRegistrationException} and {@link WireFormatException}.
 */
final class TopicSchemas {
  private static final Logger LOG = LoggerFactory.getLogger(TopicSchemas.class);
  private static final int UNREGISTERED = -1;

  private final Topic<?, ?> topic;
  private final SchemaRegistryClient registry;
  private final String registryUrl;
  private volatile int valueSchemaId = UNREGISTERED;

  TopicSchemas(Topic<?, ?> topic, SchemaRegistryClient registry, String registryUrl) {
    this.topic = topic;
    this.registry = registry;
    this.registryUrl = registryUrl;
  }

  /** The value schema's id, registering it on first use; a failed attempt is retried next time. */
  int valueSchemaId() {
    int id = valueSchemaId;
    if (id == UNREGISTERED) {
      synchronized (this) {
        id = valueSchemaId;
        if (id == UNREGISTERED) {
          id = register();
          valueSchemaId = id;
        }
      }
    }
    return id;
  }

  /**
   * The writer schema registered with {@code id}, as plain Avro.
   *
   * @throws WireFormatException UNKNOWN_SCHEMA_ID, REGISTRY_UNAVAILABLE or UNREADABLE_BODY
   */
  Schema writerSchema(int id) {
    ParsedSchema parsed;
    try {
      parsed = registry.getSchemaById(id);
    } catch (RestClientException e) {
      // 40403 from a registry server; Confluent's in-memory mock answers 40401 instead. A bare
      // 404 (wrong URL path) is not "unknown id": it stays REGISTRY_UNAVAILABLE.
      if (e.getErrorCode() == 40403 || e.getErrorCode() == 40401) {
        throw fail(
            Reason.UNKNOWN_SCHEMA_ID,
            "schema id "
                + id
                + " is unknown to the registry at "
                + registryUrl
                + ": the record was written against another registry, or its schema was deleted."
                + " Check that producer and consumer use the same schema.registry.url; route the"
                + " record to the dead-letter topic",
            e);
      }
      throw unavailable(id, e);
    } catch (IOException | RuntimeException e) {
      throw unavailable(id, e);
    }
    if (!AvroSchema.TYPE.equals(parsed.schemaType())) {
      throw fail(
          Reason.UNREADABLE_BODY,
          "schema id " + id + " is a " + parsed.schemaType() + " schema, not AVRO",
          null);
    }
    try {
      Schema schema = new Schema.Parser().parse(parsed.canonicalString());
      LOG.debug("topic {}: writer schema id {} fetched from {}", topic.name(), id, registryUrl);
      return schema;
    } catch (RuntimeException e) {
      throw fail(
          Reason.UNREADABLE_BODY,
          "schema id " + id + " from the registry does not parse as Avro: " + e.getMessage(),
          e);
    }
  }

  private WireFormatException unavailable(int id, Exception e) {
    return fail(
        Reason.REGISTRY_UNAVAILABLE,
        "could not fetch schema id "
            + id
            + " from the registry at "
            + registryUrl
            + " ("
            + e
            + "); the record is probably fine: retry once the registry is reachable rather than"
            + " dead-lettering it",
        e);
  }

  private int register() {
    String subject = topic.valueSubject();
    try {
      int id = registry.register(subject, new AvroSchema(topic.valueSchema().toString()));
      LOG.info(
          "topic {}: value schema {} registered under {} with id {} at {}",
          topic.name(),
          topic.valueType().getSimpleName(),
          subject,
          id,
          registryUrl);
      return id;
    } catch (RestClientException e) {
      String hint =
          e.getStatus() == 409
              ? " The schema is incompatible with the versions already registered under this"
                  + " subject (compatibility level of the subject): evolve it compatibly (add"
                  + " fields with defaults) or change the subject's compatibility level."
              : "";
      throw new SchemaRegistrationException(
          subject,
          e.getErrorCode(),
          "the registry at "
              + registryUrl
              + " refused the schema of topic "
              + topic.name()
              + " under subject "
              + subject
              + ": "
              + e.getMessage()
              + " (HTTP "
              + e.getStatus()
              + ", error_code "
              + e.getErrorCode()
              + ")."
              + hint,
          e);
    } catch (IOException | RuntimeException e) {
      throw new SchemaRegistrationException(
          subject,
          -1,
          "could not register the schema of topic "
              + topic.name()
              + " under subject "
              + subject
              + ": the registry at "
              + registryUrl
              + " is unreachable ("
              + e
              + "). Check schema.registry.url and that the registry is running",
          e);
    }
  }

  private WireFormatException fail(Reason reason, String what, Throwable cause) {
    return WireFormatException.forTopic(topic, reason, what, cause);
  }
}
