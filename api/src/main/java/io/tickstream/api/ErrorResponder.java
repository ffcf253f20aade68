package io.tickstream.api;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON error body {@code {"code":…,"message":…}}. Client errors say what
 * was wrong; anything unexpected becomes 500 {@code INTERNAL} with a reference to the server log,
 * never a stack trace or SQL.
 */
final class ErrorResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  private final int bodyMaxBytes;
  private final int maxPageSize;

  ErrorResponder(int bodyMaxBytes, int maxPageSize) {
    this.bodyMaxBytes = bodyMaxBytes;
    this.maxPageSize = maxPageSize;
  }

  /** Failure handler for all routes. */
  void onFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException e) {
      if (e.retryAfterSeconds() > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      if (e.status() == 401) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tickstream\"");
      }
      send(ctx, e.status(), e.toJson());
    } else if (failure instanceof HttpException e && e.getStatusCode() == 413) {
      send(
          ctx,
          413,
          body(
              "BODY_TOO_LARGE",
              "the request body exceeds limits.body.max.bytes = " + bodyMaxBytes + " bytes"));
    } else if (OpenApiFailures.isValidation(failure)) {
      send(ctx, 400, OpenApiFailures.toJson(failure, maxPageSize));
    } else if (failure instanceof HttpException e && e.getStatusCode() < 500) {
      clientError(ctx, e.getStatusCode());
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      clientError(ctx, ctx.statusCode());
    } else {
      String ref = UUID.randomUUID().toString();
      LOG.error(
          "internal error ref {} on {} {}",
          ref,
          ctx.request().method(),
          ctx.request().path(),
          failure);
      send(ctx, 500, body("INTERNAL", "internal error, see server log (ref " + ref + ")"));
    }
  }

  // The router's own error handlers: the context's status code is not always set (-1), so each
  // status has its handler.

  /** No route matches the path. */
  void notFound(RoutingContext ctx) {
    clientError(ctx, 404);
  }

  /** A route matches the path but not the method. */
  void methodNotAllowed(RoutingContext ctx) {
    clientError(ctx, 405);
  }

  /** The request itself is malformed, e.g. a bad percent-encoding. */
  void badRequest(RoutingContext ctx) {
    clientError(ctx, 400);
  }

  private void clientError(RoutingContext ctx, int status) {
    JsonObject body =
        switch (status) {
          case 404 -> body("NOT_FOUND", "no resource at " + abbreviate(ctx.request().path()));
          case 413 ->
              body(
                  "BODY_TOO_LARGE",
                  "the request body exceeds limits.body.max.bytes = " + bodyMaxBytes + " bytes");
          case 405 ->
              body(
                  "METHOD_NOT_ALLOWED",
                  ctx.request().method() + " is not allowed on this resource");
          default -> body("BAD_REQUEST", "the request could not be understood (" + status + ")");
        };
    send(ctx, status, body);
  }

  /** 413 from the body handler. */
  void bodyTooLarge(RoutingContext ctx) {
    clientError(ctx, 413);
  }

  private static String abbreviate(String raw) {
    return raw == null || raw.length() <= 80 ? raw : raw.substring(0, 80) + "…";
  }

  private static JsonObject body(String code, String message) {
    return new JsonObject().put("code", code).put("message", message);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Too late for a clean answer: drop the connection rather than send half a body.
      LOG.warn("failure after the response started on {}", ctx.request().path());
      response.reset();
      return;
    }
    response.setStatusCode(status);
    ctx.json(body);
  }
}
