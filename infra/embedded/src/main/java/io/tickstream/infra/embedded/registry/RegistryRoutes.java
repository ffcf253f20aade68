package io.tickstream.infra.embedded.registry;

import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersion;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent Schema Registry's REST API over {@link Registry}: the subset clients, serializers and
 * tools use. Request bodies are read as JSON whatever their content type ({@code
 * application/vnd.schemaregistry.v1+json}, {@code application/json}, ...).
 */
final class RegistryRoutes {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);

  private final Registry registry;

  RegistryRoutes(Registry registry) {
    this.registry = registry;
  }

  /** An endpoint's answer: a JSON value, or a String sent as is (raw schemas). */
  @FunctionalInterface
  private interface Endpoint {
    Object answer(RoutingContext ctx);
  }

  void mount(Router router) {
    router.route().handler(BodyHandler.create().setBodyLimit(16L * 1024 * 1024));
    on(router.get("/"), ctx -> new JsonObject());
    on(router.get("/schemas/types"), ctx -> new JsonArray().add("AVRO"));
    on(router.get("/schemas/ids/:id"), this::schemaById);
    on(router.get("/schemas/ids/:id/schema"), ctx -> registry.schema(id(ctx)));
    on(router.get("/schemas/ids/:id/versions"), this::versionsWithId);
    on(router.get("/subjects"), ctx -> new JsonArray(registry.subjects(flag(ctx, "deleted"))));
    on(router.post("/subjects/:subject/versions"), this::register);
    on(router.post("/subjects/:subject"), this::lookup);
    on(router.get("/subjects/:subject/versions"), this::versions);
    on(router.get("/subjects/:subject/versions/:version"), ctx -> versionJson(version(ctx)));
    on(router.get("/subjects/:subject/versions/:version/schema"), ctx -> version(ctx).schema());
    on(router.delete("/subjects/:subject"), this::deleteSubject);
    on(router.delete("/subjects/:subject/versions/:version"), this::deleteVersion);
    on(router.post("/compatibility/subjects/:subject/versions/:version"), this::compatibility);
    on(router.post("/compatibility/subjects/:subject/versions"), this::compatibility);
    on(router.get("/config"), ctx -> levelJson(registry.globalLevel()));
    on(router.put("/config"), this::putGlobalLevel);
    on(router.get("/config/:subject"), this::subjectLevel);
    on(router.put("/config/:subject"), this::putSubjectLevel);
    on(
        router.delete("/config/:subject"),
        ctx -> levelJson(registry.deleteSubjectLevel(subject(ctx))));
    router.route().last().handler(ctx -> error(ctx, 404, 404, "HTTP 404 Not Found"));
  }

  private void on(io.vertx.ext.web.Route route, Endpoint endpoint) {
    route.blockingHandler(ctx -> respond(ctx, endpoint), false);
  }

  private static void respond(RoutingContext ctx, Endpoint endpoint) {
    Object answer;
    try {
      answer = endpoint.answer(ctx);
    } catch (RegistryError e) {
      if (e.errorCode() >= 50000) {
        LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
      }
      error(ctx, e.httpStatus(), e.errorCode(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
      error(ctx, 500, 50001, "Error in the backend data store: " + e);
      return;
    }
    String body =
        answer instanceof JsonObject o
            ? o.encode()
            : answer instanceof JsonArray a ? a.encode() : answer.toString();
    ctx.response().putHeader("Content-Type", CONTENT_TYPE).setStatusCode(200).end(body);
  }

  private static void error(RoutingContext ctx, int status, int code, String message) {
    ctx.response()
        .putHeader("Content-Type", CONTENT_TYPE)
        .setStatusCode(status)
        .end(new JsonObject().put("error_code", code).put("message", message).encode());
  }

  private Object schemaById(RoutingContext ctx) {
    int id = id(ctx);
    JsonObject answer = new JsonObject().put("schema", registry.schema(id));
    if (flag(ctx, "fetchMaxId")) {
      answer.put("maxId", registry.maxId());
    }
    return answer;
  }

  private Object versionsWithId(RoutingContext ctx) {
    JsonArray answer = new JsonArray();
    for (SchemaVersion v : registry.versionsWithId(id(ctx))) {
      answer.add(new JsonObject().put("subject", v.subject()).put("version", v.version()));
    }
    return answer;
  }

  private Object register(RoutingContext ctx) {
    int id = registry.register(subject(ctx), schemaOf(body(ctx)));
    return new JsonObject().put("id", id);
  }

  private Object lookup(RoutingContext ctx) {
    return versionJson(registry.lookup(subject(ctx), schemaOf(body(ctx)), flag(ctx, "deleted")));
  }

  private Object versions(RoutingContext ctx) {
    return new JsonArray(registry.versions(subject(ctx), flag(ctx, "deleted")));
  }

  private SchemaVersion version(RoutingContext ctx) {
    return registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"));
  }

  private Object deleteSubject(RoutingContext ctx) {
    return new JsonArray(registry.deleteSubject(subject(ctx), flag(ctx, "permanent")));
  }

  private Object deleteVersion(RoutingContext ctx) {
    return registry.deleteVersion(subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent"));
  }

  private Object compatibility(RoutingContext ctx) {
    List<String> violations =
        registry.compatibility(subject(ctx), ctx.pathParam("version"), schemaOf(body(ctx)));
    JsonObject answer = new JsonObject().put("is_compatible", violations.isEmpty());
    if (flag(ctx, "verbose")) {
      answer.put("messages", new JsonArray(violations));
    }
    return answer;
  }

  private Object putGlobalLevel(RoutingContext ctx) {
    CompatibilityLevel level = levelOf(body(ctx));
    registry.setGlobalLevel(level);
    return new JsonObject().put("compatibility", level.name());
  }

  private Object subjectLevel(RoutingContext ctx) {
    return levelJson(registry.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")));
  }

  private Object putSubjectLevel(RoutingContext ctx) {
    CompatibilityLevel level = levelOf(body(ctx));
    registry.setSubjectLevel(subject(ctx), level);
    return new JsonObject().put("compatibility", level.name());
  }

  private static JsonObject versionJson(SchemaVersion v) {
    return new JsonObject()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  private static JsonObject levelJson(CompatibilityLevel level) {
    return new JsonObject().put("compatibilityLevel", level.name());
  }

  private static CompatibilityLevel levelOf(JsonObject body) {
    return CompatibilityLevel.parse(body.getString("compatibility"));
  }

  private static SchemaText schemaOf(JsonObject body) {
    JsonArray references = body.getJsonArray("references");
    return SchemaText.of(
        body.getString("schema"),
        body.getString("schemaType"),
        references != null && !references.isEmpty());
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw RegistryError.badRequest("The request needs a JSON object body");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw RegistryError.badRequest("The request body is not a JSON object: " + e.getMessage());
    }
  }

  private static String subject(RoutingContext ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    try {
      return Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound("Schema " + id + " not found");
    }
  }

  private static boolean flag(RoutingContext ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParams().get(name));
  }
}
