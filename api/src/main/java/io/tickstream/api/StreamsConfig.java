package io.tickstream.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live streams fed from Kafka.
 *
 * @param kafkaBootstrap Kafka bootstrap servers ({@code kafka.bootstrap}); empty disables streams
 *     and the Kafka health check
 * @param registryUrl schema registry URL for the Avro values ({@code schema.registry.url})
 * @param clientQueueSize messages a client may have pending before it is disconnected as too slow
 *     ({@code stream.client.queue}, default 1000)
 */
public record StreamsConfig(String kafkaBootstrap, String registryUrl, int clientQueueSize) {

  /** Every key with its description. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  /** Validates every field; messages name the key. */
  public StreamsConfig {
    kafkaBootstrap = kafkaBootstrap == null ? "" : kafkaBootstrap.strip();
    registryUrl = registryUrl == null ? "" : registryUrl.strip();
    if (!kafkaBootstrap.isEmpty() && registryUrl.isEmpty()) {
      throw new IllegalArgumentException("schema.registry.url is required with kafka.bootstrap");
    }
    ConfigValues.requireRange(clientQueueSize, 1, 1_000_000, "stream.client.queue");
  }

  /** Streams off. */
  public static StreamsConfig defaults() {
    return new StreamsConfig("", "", 1000);
  }

  /** Whether a Kafka cluster is configured. */
  public boolean enabled() {
    return !kafkaBootstrap.isEmpty();
  }

  static StreamsConfig from(ConfigValues v) {
    StreamsConfig d = defaults();
    return new StreamsConfig(
        v.text("kafka.bootstrap", d.kafkaBootstrap),
        v.text("schema.registry.url", d.registryUrl),
        v.integer("stream.client.queue", d.clientQueueSize));
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(
        "kafka.bootstrap", "Kafka bootstrap servers for live streams, empty = off (default empty)");
    d.put("schema.registry.url", "schema registry URL, required with kafka.bootstrap");
    d.put(
        "stream.client.queue",
        "pending messages per stream client before disconnect (default 1000)");
    return Collections.unmodifiableMap(d);
  }
}
