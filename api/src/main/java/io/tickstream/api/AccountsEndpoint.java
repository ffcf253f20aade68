package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.Principal;
import io.tickstream.api.performance.CurvePerformance;
import io.tickstream.api.series.PageRequest;
import io.tickstream.execution.metrics.MetricsConventions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** The account routes that are not paged lists: accounts, positions, one order, performance. */
final class AccountsEndpoint {
  private final TradingQueries queries;
  private final ApiConfig cfg;

  AccountsEndpoint(TradingQueries queries, ApiConfig cfg) {
    this.queries = queries;
    this.cfg = cfg;
  }

  /** {@code {"items":[{"accountId":…}]}}: the caller's granted accounts, sorted. */
  void list(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    Principal p = Access.principal(ctx);
    JsonArray items = new JsonArray();
    new TreeSet<>(p.accounts()).forEach(a -> items.add(new JsonObject().put("accountId", a)));
    ctx.json(
        new JsonObject()
            .put("items", items)
            .put("subject", p.subject())
            .put("role", p.role().name().toLowerCase(java.util.Locale.ROOT))
            .put("everyAccount", p.everyAccount()));
  }

  /** {@code {"items":[…]}}: positions by instrument. */
  void positions(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    String account = account(ctx);
    queries
        .positions(account)
        .onSuccess(
            items -> ctx.json(new JsonObject().put("accountId", account).put("items", items)))
        .onFailure(ctx::fail);
  }

  /** One order with its events, or 404. */
  void order(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    String account = account(ctx);
    String orderId = TextInput.id(ctx.pathParam("orderId"), "order");
    queries
        .order(account, orderId)
        .onSuccess(
            order ->
                order.ifPresentOrElse(
                    ctx::json, () -> ctx.fail(ApiException.notFound("unknown order"))))
        .onFailure(ctx::fail);
  }

  /** Metrics of the equity curve in [from, to), computed by the execution core. */
  void performance(RoutingContext ctx) {
    QueryParameters q =
        QueryParameters.of(
            ctx.queryParams(), Set.of("from", "to", "periodsPerYear", "riskFreeRate"));
    String account = account(ctx);
    Instant from = PageRequest.instant(q::single, "from");
    Instant to = PageRequest.instant(q::single, "to");
    PageRequest.checkRange(from, to, Duration.ofDays(cfg.limits().rangeMaxDays() * 12L));
    int periods = integer(q.single("periodsPerYear"), 252);
    double riskFree = number(q.single("riskFreeRate"));
    MetricsConventions conventions = new MetricsConventions(periods, riskFree);
    queries
        .equityCurve(account, from, to)
        .onSuccess(
            curve -> {
              if (curve.size() < 2) {
                ctx.fail(ApiException.notFound("fewer than two equity points in the range"));
                return;
              }
              if (curve.stream().anyMatch(s -> s.equity().signum() <= 0)) {
                ctx.fail(
                    ApiException.invalidParameter("from", "the curve holds non-positive equity"));
                return;
              }
              ctx.json(
                  CurvePerformance.toJson(curve.size(), CurvePerformance.report(curve, conventions))
                      .put("accountId", account)
                      .put("from", curve.get(0).ts().toString())
                      .put("to", curve.get(curve.size() - 1).ts().toString())
                      .put("periodsPerYear", periods)
                      .put("riskFreeRate", riskFree));
            })
        .onFailure(ctx::fail);
  }

  private static String account(RoutingContext ctx) {
    String id = ctx.pathParam("accountId");
    Access.requireAccount(ctx, id);
    return id;
  }

  private static int integer(String raw, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= 1 && v <= 525_600) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidParameter(
        "periodsPerYear", "periodsPerYear must be an integer from 1 to 525600");
  }

  private static double number(String raw) {
    if (raw == null) {
      return 0.0;
    }
    try {
      double v = Double.parseDouble(raw);
      if (v >= -1 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidParameter(
        "riskFreeRate", "riskFreeRate must be a number from -1 to 1");
  }
}
