package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.Principal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin actions: {@code POST /api/v1/admin/kill-switch} and {@code PUT
 * /api/v1/admin/accounts/{accountId}/risk-limits}. Each writes its row and an audit entry; the
 * execution service reads the rows.
 */
final class AdminEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
  private static final BigDecimal MAX_DECIMAL = new BigDecimal("99999999999999999999.99999999");

  private final AdminStatements statements;
  private final Clock clock;

  AdminEndpoint(AdminStatements statements, Clock clock) {
    this.statements = statements;
    this.clock = clock;
  }

  /** Engages or releases the kill switch; {@code accountId} narrows it to one granted account. */
  void killSwitch(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    JsonObject body = body(ctx, Set.of("engaged", "reason", "accountId"));
    if (!(body.getValue("engaged") instanceof Boolean engaged)) {
      throw ApiException.invalidBody("engaged must be true or false");
    }
    String reason = text(body, "reason", 500);
    String scope = "*";
    if (body.getValue("accountId") != null) {
      scope = text(body, "accountId", TextInput.MAX_ID_LENGTH);
      Access.requireAccount(ctx, scope);
    }
    AdminStatements.Actor actor = actor(ctx);
    String target = scope;
    statements
        .setKillSwitch(scope, engaged, reason, actor, body)
        .onSuccess(
            v -> {
              LOG.warn(
                  "kill switch {} for {} by {}: {}",
                  engaged ? "ENGAGED" : "released",
                  target,
                  actor.subject(),
                  reason);
              ctx.json(
                  new JsonObject()
                      .put("scope", target)
                      .put("engaged", engaged)
                      .put("reason", reason)
                      .put("updatedAt", actor.at().toString())
                      .put("updatedBy", actor.subject()));
            })
        .onFailure(ctx::fail);
  }

  /** Replaces the risk limits of a granted account. */
  void riskLimits(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    String account = ctx.pathParam("accountId");
    Access.requireAccount(ctx, account);
    JsonObject body =
        body(
            ctx,
            Set.of(
                "maxOrderQuantity",
                "maxOrderNotional",
                "maxPositionQuantity",
                "maxDrawdown",
                "maxOrdersPerMinute"));
    BigDecimal maxDrawdown = decimal(body, "maxDrawdown");
    if (maxDrawdown.compareTo(BigDecimal.ONE) >= 0) {
      throw ApiException.invalidBody("maxDrawdown must be a fraction in (0, 1)");
    }
    if (!(body.getValue("maxOrdersPerMinute") instanceof Integer perMinute)
        || perMinute < 1
        || perMinute > 1_000_000) {
      throw ApiException.invalidBody("maxOrdersPerMinute must be an integer from 1 to 1000000");
    }
    AdminStatements.RiskLimitsRow row =
        new AdminStatements.RiskLimitsRow(
            decimal(body, "maxOrderQuantity"),
            decimal(body, "maxOrderNotional"),
            decimal(body, "maxPositionQuantity"),
            maxDrawdown,
            perMinute);
    AdminStatements.Actor actor = actor(ctx);
    statements
        .putRiskLimits(account, row, actor, body)
        .onSuccess(
            v -> {
              LOG.warn("risk limits of {} replaced by {}", account, actor.subject());
              ctx.json(
                  body.copy()
                      .put("accountId", account)
                      .put("updatedAt", actor.at().toString())
                      .put("updatedBy", actor.subject()));
            })
        .onFailure(ctx::fail);
  }

  private AdminStatements.Actor actor(RoutingContext ctx) {
    Principal p = Access.principal(ctx);
    String ip =
        ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    return new AdminStatements.Actor(p.subject(), ip, clock.instant());
  }

  private static JsonObject body(RoutingContext ctx, Set<String> allowed) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.invalidBody("the body must be a JSON object");
    }
    if (body == null) {
      throw ApiException.invalidBody("the body must be a JSON object");
    }
    for (String name : body.fieldNames()) {
      if (!allowed.contains(name)) {
        throw ApiException.invalidBody(
            "unknown field; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
    return body;
  }

  private static String text(JsonObject body, String field, int max) {
    if (!(body.getValue(field) instanceof String s)
        || s.isBlank()
        || s.length() > max
        || s.indexOf('\0') >= 0) {
      throw ApiException.invalidBody(
          field + " must be a non-empty string of at most " + max + " characters");
    }
    return s;
  }

  private static BigDecimal decimal(JsonObject body, String field) {
    String message =
        field + " must be a positive decimal string with at most 8 decimals, such as \"1000.5\"";
    if (!(body.getValue(field) instanceof String s) || !s.matches("[0-9]{1,20}(\\.[0-9]{1,8})?")) {
      throw ApiException.invalidBody(message);
    }
    BigDecimal v = new BigDecimal(s);
    if (v.signum() <= 0 || v.compareTo(MAX_DECIMAL) > 0) {
      throw ApiException.invalidBody(message);
    }
    return v;
  }
}
