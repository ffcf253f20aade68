package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds every operation of {@code openapi.yaml} to its handler and the role it needs. Binding is
 * total both ways: an operation without a handler, or a handler for an operation the document does
 * not declare, stops the start; so the document and the routes cannot drift apart.
 */
final class ApiRoutes {
  /** The role an operation needs, or null for the unauthenticated operational routes. */
  record Binding(Role role, Handler<RoutingContext> handler) {}

  private final Map<String, Binding> bindings = new LinkedHashMap<>();

  ApiRoutes bind(String operationId, Role role, Handler<RoutingContext> handler) {
    if (bindings.put(operationId, new Binding(role, handler)) != null) {
      throw new IllegalStateException("operation bound twice: " + operationId);
    }
    return this;
  }

  /** The operation ids bound so far. */
  Set<String> operationIds() {
    return bindings.keySet();
  }

  /** The handler of an operation. */
  Handler<RoutingContext> handler(String operationId) {
    return bindings.get(operationId).handler();
  }

  /** The role of an operation (null: none). */
  Role role(String operationId) {
    return bindings.get(operationId).role();
  }

  /**
   * Adds the validation, role gate and handler of each binding to the builder's routes: requests
   * are validated against the document by {@code validation} (in place of the builder's own step)
   * before the role gate and the handler. Security is this API's own root handler, so the builder's
   * security step is off.
   *
   * @throws IllegalStateException when the document and the bindings disagree
   */
  void applyTo(RouterBuilder builder, ParameterValidation validation) {
    Set<String> declared = new TreeSet<>();
    for (OpenAPIRoute route : builder.getRoutes()) {
      String id = route.getOperation().getOperationId();
      declared.add(id);
      Binding b = bindings.get(id);
      if (b == null) {
        throw new IllegalStateException("openapi.yaml declares " + id + " but no handler is bound");
      }
      route.setDoSecurity(false);
      route.setDoValidation(false);
      route.addHandler(validation.handler(route.getOperation()));
      if (b.role() != null) {
        route.addHandler(Access.requireRole(b.role()));
      }
      route.addHandler(b.handler());
    }
    Set<String> extra = new TreeSet<>(bindings.keySet());
    extra.removeAll(declared);
    if (!extra.isEmpty()) {
      throw new IllegalStateException("handlers bound to operations openapi.yaml lacks: " + extra);
    }
  }
}
