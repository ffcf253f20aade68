package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.Principal;
import io.tickstream.api.backtest.BacktestJson;
import io.tickstream.api.backtest.BacktestWorkers;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.store.Page;
import io.tickstream.execution.backtest.store.StoredBacktest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/backtests} (queue a run, 202 with its id and Location) and {@code GET
 * /api/v1/backtests/{backtestId}} (state, request, metrics and one page of fills, trades and
 * equity). A caller sees only the runs it created: another user's id answers 404, like an unknown
 * one. The JDBC work runs on Vert.x worker threads, the backtests on {@link BacktestWorkers}.
 */
final class BacktestsEndpoint {
  static final String PATH = "/api/v1/backtests/";

  private final BacktestWorkers workers;
  private final ApiConfig cfg;

  BacktestsEndpoint(BacktestWorkers workers, ApiConfig cfg) {
    this.workers = workers;
    this.cfg = cfg;
  }

  void create(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    Principal caller = Access.principal(ctx);
    // The OpenAPI validator has already checked that the body is an object of the schema.
    JsonObject body = ctx.body().asJsonObject();
    BacktestRequest request = BacktestJson.request(body, cfg.backtests().maxDays());
    ctx.vertx()
        .executeBlocking(() -> workers.submit(request, caller.subject()), false)
        .onSuccess(
            id ->
                ctx.response()
                    .setStatusCode(202)
                    .putHeader("Location", PATH + id)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        new JsonObject()
                            .put("id", id.toString())
                            .put("status", "QUEUED")
                            .put("location", PATH + id)
                            .encode()))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    QueryParameters q = QueryParameters.of(ctx.queryParams(), Set.of("offset", "limit"));
    Principal caller = Access.principal(ctx);
    UUID id = id(ctx.pathParam("backtestId"));
    int offset = integer(q.single("offset"), 0, "offset", 0, Integer.MAX_VALUE);
    int limit = integer(q.single("limit"), cfg.defaultPageSize(), "limit", 1, cfg.maxPageSize());
    ctx.vertx()
        .executeBlocking(() -> workers.store().find(id, new Page(offset, limit)), false)
        .onSuccess(
            found -> {
              Optional<StoredBacktest> mine =
                  found.filter(
                      s -> caller.everyAccount() || s.createdBy().equals(caller.subject()));
              if (mine.isEmpty()) {
                ctx.fail(ApiException.notFound("unknown backtest"));
                return;
              }
              ctx.json(BacktestJson.run(mine.get(), offset, limit));
            })
        .onFailure(ctx::fail);
  }

  private static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound("unknown backtest");
    }
  }

  private static int integer(String raw, int fallback, String name, int min, int max) {
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidParameter(
        name, name + " must be an integer from " + min + " to " + max);
  }
}
