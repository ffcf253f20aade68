package io.tickstream.infra.embedded.registry;

import static io.tickstream.infra.embedded.registry.RecordSchemas.avro;
import static io.tickstream.infra.embedded.registry.RecordSchemas.optional;
import static io.tickstream.infra.embedded.registry.RecordSchemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids, versions and settings live in {@code _schemas}: they survive restarts of both servers. */
class SchemaRegistryRestartIT {
  @TempDir Path dir;

  private static SchemaRegistryClient client(SchemaRegistryServer registry) {
    return new CachedSchemaRegistryClient(registry.url(), 100);
  }

  @Test
  void stateSurvivesRegistryAndBrokerRestarts() throws Exception {
    Path logDir = dir.resolve("kafka");
    int first;
    int second;
    int third;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, logDir)) {
      try (SchemaRegistryServer registry =
          SchemaRegistryServer.start(0, kafka.bootstrapServers())) {
        SchemaRegistryClient client = client(registry);
        first = client.register("a-value", avro(record("A")));
        second = client.register("a-value", avro(record("A", optional("b"))));
        client.register("shared-value", avro(record("A")));
        client.register("doomed-value", avro(record("Doomed")));
        client.deleteSubject("doomed-value");
        client.updateCompatibility("a-value", "FULL_TRANSITIVE");
        client.updateCompatibility(null, "FORWARD");
        assertSchemasTopicIsCompactedWithOnePartition(kafka);
      }
      try (SchemaRegistryServer registry =
          SchemaRegistryServer.start(0, kafka.bootstrapServers())) {
        assertStateKept(registry, first, second);
        third = client(registry).register("b-value", avro(record("B")));
        assertThat(third).isGreaterThan(second);
      }
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, logDir);
        SchemaRegistryServer registry = SchemaRegistryServer.start(0, kafka.bootstrapServers())) {
      assertStateKept(registry, first, second);
      SchemaRegistryClient client = client(registry);
      assertThat(client.getId("b-value", avro(record("B")))).isEqualTo(third);
      int fourth = client.register("c-value", avro(record("C")));
      assertThat(fourth).isEqualTo(third + 1);
      assertThat(client.register("a-value", avro(record("A", optional("b"), optional("c")))))
          .isEqualTo(fourth + 1);
      assertThat(client.getAllVersions("a-value")).containsExactly(1, 2, 3);
    }
  }

  private static void assertStateKept(SchemaRegistryServer registry, int first, int second)
      throws Exception {
    SchemaRegistryClient client = client(registry);
    assertThat(client.getId("a-value", avro(record("A")))).isEqualTo(first);
    assertThat(client.getVersion("a-value", avro(record("A", optional("b"))))).isEqualTo(2);
    assertThat(client.getSchemaById(second).canonicalString())
        .isEqualTo(avro(record("A", optional("b"))).canonicalString());
    assertThat(client.getId("shared-value", avro(record("A")))).isEqualTo(first);
    assertThat(client.getAllSubjects())
        .contains("a-value", "shared-value")
        .doesNotContain("doomed-value");
    assertThat(client.getCompatibility("a-value")).isEqualTo("FULL_TRANSITIVE");
    RawRegistryCalls http = new RawRegistryCalls(registry.url());
    assertThat(http.get("/config").json())
        .isEqualTo(new JsonObject().put("compatibilityLevel", "FORWARD"));
    assertThat(http.get("/subjects?deleted=true").body()).contains("doomed-value");
  }

  private static void assertSchemasTopicIsCompactedWithOnePartition(EmbeddedKafka kafka)
      throws Exception {
    try (Admin admin = kafka.admin()) {
      var description =
          admin
              .describeTopics(List.of(SchemasTopic.NAME))
              .allTopicNames()
              .get()
              .get(SchemasTopic.NAME);
      assertThat(description.partitions()).hasSize(1);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, SchemasTopic.NAME);
      Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get();
      assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
    }
  }
}
