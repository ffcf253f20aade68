package io.tickstream.infra.embedded.registry;

import static io.tickstream.infra.embedded.registry.RawRegistryCalls.schemaBody;
import static io.tickstream.infra.embedded.registry.RecordSchemas.avro;
import static io.tickstream.infra.embedded.registry.RecordSchemas.optional;
import static io.tickstream.infra.embedded.registry.RecordSchemas.record;
import static io.tickstream.infra.embedded.registry.RecordSchemas.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.RawRegistryCalls.Answer;
import io.tickstream.schemas.avro.TradeTick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's REST API, driven by Confluent's own client and by plain HTTP. */
class SchemaRegistryServerIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static SchemaRegistryServer registry;
  static RawRegistryCalls http;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    http = new RawRegistryCalls(registry.url());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** A client with empty caches, so every call reaches the server. */
  private static SchemaRegistryClient client() {
    return new CachedSchemaRegistryClient(registry.url(), 100);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.errorCode()).as(answer.body()).isEqualTo(errorCode);
    assertThat(answer.json().getString("message")).isNotBlank();
    assertThat(answer.contentType()).isEqualTo(RegistryRoutes.CONTENT_TYPE);
  }

  @Test
  void registersLooksUpAndFetchesByIdWithConfluentsClient() throws Exception {
    AvroSchema schema = avro(TradeTick.getClassSchema().toString());
    int id = client().register("trades-a-value", schema);
    assertThat(id).isPositive();

    SchemaRegistryClient fresh = client();
    assertThat(fresh.getSchemaById(id).canonicalString()).isEqualTo(schema.canonicalString());
    assertThat(fresh.getId("trades-a-value", schema)).isEqualTo(id);
    assertThat(fresh.getVersion("trades-a-value", schema)).isEqualTo(1);
    SchemaMetadata latest = fresh.getLatestSchemaMetadata("trades-a-value");
    assertThat(latest.getId()).isEqualTo(id);
    assertThat(latest.getVersion()).isEqualTo(1);
    assertThat(fresh.getAllSubjects()).contains("trades-a-value");
    assertThat(fresh.getAllVersions("trades-a-value")).containsExactly(1);

    Answer raw = http.get("/schemas/ids/" + id + "/schema");
    assertThat(new JsonObject(raw.body()).getString("name")).isEqualTo("TradeTick");
    Answer byVersion = http.get("/subjects/trades-a-value/versions/1");
    assertThat(byVersion.json().getInteger("id")).isEqualTo(id);
    assertThat(byVersion.contentType()).isEqualTo(RegistryRoutes.CONTENT_TYPE);
  }

  @Test
  void registrationIsIdempotentAndIdsAreGlobal() throws Exception {
    String json = record("Idem", optional("b"));
    int first = client().register("idem-value", avro(json));
    int again = client().register("idem-value", avro(json));
    Answer viaHttp = http.post("/subjects/idem-value/versions?normalize=true", schemaBody(json));
    int elsewhere = client().register("idem-other-value", avro(json));

    assertThat(again).isEqualTo(first);
    assertThat(viaHttp.json().getInteger("id")).isEqualTo(first);
    assertThat(elsewhere).isEqualTo(first);
    assertThat(client().getAllVersions("idem-value")).containsExactly(1);
    JsonArray users = new JsonArray(http.get("/schemas/ids/" + first + "/versions").body());
    assertThat(users)
        .contains(
            new JsonObject().put("subject", "idem-value").put("version", 1),
            new JsonObject().put("subject", "idem-other-value").put("version", 1));
    int another =
        client().register("idem-value", avro(record("Idem", optional("b"), optional("c"))));
    assertThat(another).isGreaterThan(first);
  }

  @Test
  void anIncompatibleChangeIsRefusedUnderBackwardAndAcceptedUnderNone() throws Exception {
    SchemaRegistryClient client = client();
    client.register("evolve-value", avro(record("Evolve")));
    AvroSchema breaking = avro(record("Evolve", required("b")));

    assertThat(client.testCompatibility("evolve-value", breaking)).isFalse();
    assertThat(client.testCompatibility("evolve-value", avro(record("Evolve", optional("b")))))
        .isTrue();
    Answer verbose =
        http.post(
            "/compatibility/subjects/evolve-value/versions/latest?verbose=true",
            schemaBody(breaking.canonicalString()));
    assertThat(verbose.json().getBoolean("is_compatible")).isFalse();
    assertThat(verbose.json().getJsonArray("messages").encode()).contains("b");
    assertThatThrownBy(() -> client.register("evolve-value", breaking))
        .isInstanceOfSatisfying(
            RestClientException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(409);
              assertThat(e.getErrorCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains("evolve-value");
            });

    client.updateCompatibility("evolve-value", "NONE");
    assertThat(client.getCompatibility("evolve-value")).isEqualTo("NONE");
    client.register("evolve-value", breaking);
    assertThat(client.getAllVersions("evolve-value")).containsExactly(1, 2);
  }

  @Test
  void compatibilityLevelsArePerSubjectAndValidated() {
    assertThat(http.get("/config").json().getString("compatibilityLevel")).isEqualTo("BACKWARD");
    Answer put = http.put("/config/cfg-value", new JsonObject().put("compatibility", "full"));
    assertThat(put.json()).isEqualTo(new JsonObject().put("compatibility", "FULL"));
    assertThat(http.get("/config/cfg-value").json().getString("compatibilityLevel"))
        .isEqualTo("FULL");
    assertError(http.get("/config/cfg-other-value"), 404, 40408);
    assertThat(
            http.get("/config/cfg-other-value?defaultToGlobal=true")
                .json()
                .getString("compatibilityLevel"))
        .isEqualTo("BACKWARD");
    assertError(
        http.put("/config/cfg-value", new JsonObject().put("compatibility", "SIDEWAYS")),
        422,
        42203);

    // FULL refuses a field added without a default in either direction, BACKWARD would too;
    // it also refuses removing a field without a default, which BACKWARD accepts.
    String v1 = record("Cfg", required("b"));
    assertThat(http.post("/subjects/cfg-value/versions", schemaBody(v1)).status()).isEqualTo(200);
    assertError(http.post("/subjects/cfg-value/versions", schemaBody(record("Cfg"))), 409, 409);
    assertThat(http.post("/subjects/cfg-back-value/versions", schemaBody(v1)).status())
        .isEqualTo(200);
    assertThat(http.post("/subjects/cfg-back-value/versions", schemaBody(record("Cfg"))).status())
        .isEqualTo(200);

    assertThat(http.delete("/config/cfg-value").json().getString("compatibilityLevel"))
        .isEqualTo("FULL");
    assertError(http.get("/config/cfg-value"), 404, 40408);
  }

  @Test
  void subjectsAreSoftDeletedThenPermanently() throws Exception {
    SchemaRegistryClient client = client();
    int id = client.register("gone-value", avro(record("Gone")));
    client.register("gone-value", avro(record("Gone", optional("b"))));

    assertThat(http.delete("/subjects/gone-value/versions/2").body()).isEqualTo("2");
    assertThat(client().getAllVersions("gone-value")).containsExactly(1);
    assertThat(client.deleteSubject("gone-value")).containsExactly(1);
    assertThat(client().getAllSubjects()).doesNotContain("gone-value");
    assertThat(new JsonArray(http.get("/subjects?deleted=true").body())).contains("gone-value");
    assertError(http.get("/subjects/gone-value/versions"), 404, 40401);
    assertError(http.delete("/subjects/gone-value"), 404, 40404);
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);

    assertThat(new JsonArray(http.delete("/subjects/gone-value?permanent=true").body()))
        .containsExactly(1, 2);
    assertThat(new JsonArray(http.get("/subjects?deleted=true").body()))
        .doesNotContain("gone-value");
    assertError(http.get("/schemas/ids/" + id), 404, 40403);
    assertError(http.delete("/subjects/never-value?permanent=true"), 404, 40401);
  }

  @Test
  void errorsCarryConfluentsStatusAndCode() throws Exception {
    assertError(http.get("/subjects/nope-value/versions"), 404, 40401);
    assertError(http.get("/subjects/nope-value/versions/latest"), 404, 40401);
    assertError(http.get("/schemas/ids/9999"), 404, 40403);
    assertError(http.post("/subjects/bad-value/versions", schemaBody("{not avro")), 422, 42201);
    assertError(
        http.post(
            "/subjects/bad-value/versions",
            schemaBody("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\"}]}")),
        422,
        42201);
    assertError(
        http.post(
            "/subjects/bad-value/versions",
            schemaBody("syntax = \"proto3\";").put("schemaType", "PROTOBUF")),
        422,
        42201);

    client().register("errs-value", avro(record("Errs")));
    assertError(http.get("/subjects/errs-value/versions/abc"), 422, 42202);
    assertError(http.get("/subjects/errs-value/versions/0"), 422, 42202);
    assertError(http.get("/subjects/errs-value/versions/7"), 404, 40402);
    assertError(http.post("/subjects/errs-value", schemaBody(record("Other"))), 404, 40403);
    assertError(http.post("/subjects/nope-value", schemaBody(record("Errs"))), 404, 40401);
    assertError(http.get("/no/such/path"), 404, 404);

    assertThatThrownBy(() -> client().getSchemaById(9999))
        .isInstanceOfSatisfying(
            RestClientException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(404);
              assertThat(e.getErrorCode()).isEqualTo(40403);
            });
    assertThatThrownBy(() -> client().getLatestSchemaMetadata("nope-value"))
        .isInstanceOfSatisfying(
            RestClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40401));
  }
}
