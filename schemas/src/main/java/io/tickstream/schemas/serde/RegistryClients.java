package io.tickstream.schemas.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.testutil.MockSchemaRegistry;

/**
 * Creates schema-registry clients: the real Confluent {@code CachedSchemaRegistryClient} (shaded
 * inside {@code flink-sql-avro-confluent-registry}) for {@code http(s)://} URLs, and Confluent's
 * in-memory registry for {@code mock://<scope>} URLs, shared by every client of the same scope in
 * the JVM (for unit tests without a server).
 */
public final class RegistryClients {
  /** How many schemas one client caches per subject and by id. */
  public static final int CACHE_CAPACITY = 1000;

  private static final String MOCK_PREFIX = "mock://";

  private RegistryClients() {}

  /**
   * A client for {@code registryUrl}: one URL, a comma-separated list of URLs of the same registry
   * cluster, or {@code mock://<scope>}.
   */
  public static SchemaRegistryClient create(String registryUrl) {
    return create(registryUrl, Map.of());
  }

  /**
   * A client for {@code registryUrl} with Confluent client settings, e.g. {@code
   * basic.auth.credentials.source=USER_INFO} and {@code basic.auth.user.info=user:secret}, or
   * {@code schema.registry.ssl.*}; ignored for {@code mock://} URLs.
   */
  public static SchemaRegistryClient create(String registryUrl, Map<String, ?> clientConfig) {
    Objects.requireNonNull(registryUrl, "registryUrl");
    Objects.requireNonNull(clientConfig, "clientConfig");
    String url = registryUrl.trim();
    if (url.isEmpty()) {
      throw new IllegalArgumentException("schema registry URL is empty");
    }
    if (url.startsWith(MOCK_PREFIX)) {
      return MockSchemaRegistry.getClientForScope(url.substring(MOCK_PREFIX.length()));
    }
    List<String> urls = Arrays.stream(url.split(",")).map(String::trim).toList();
    for (String u : urls) {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new IllegalArgumentException(
            "not a schema registry URL: '" + u + "' (expected http://host:port or mock://scope)");
      }
    }
    return new CachedSchemaRegistryClient(urls, CACHE_CAPACITY, clientConfig);
  }

  /** Forgets every schema registered under {@code mock://<scope>}; no-op for other URLs. */
  public static void dropMockScope(String registryUrl) {
    if (registryUrl != null && registryUrl.startsWith(MOCK_PREFIX)) {
      MockSchemaRegistry.dropScope(registryUrl.substring(MOCK_PREFIX.length()));
    }
  }
}
