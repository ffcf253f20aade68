package io.tickstream.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/** {@code GET /api/v1/instruments}: every instrument, ordered by id. */
final class InstrumentsEndpoint {
  private final ApiQueries queries;

  InstrumentsEndpoint(ApiQueries queries) {
    this.queries = queries;
  }

  /** Answers {@code {"items":[…]}}. */
  void list(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    queries
        .instruments()
        .onSuccess(rows -> ctx.json(new JsonObject().put("items", items(rows))))
        .onFailure(ctx::fail);
  }

  private static JsonArray items(List<InstrumentRow> rows) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(row.toJson()));
    return items;
  }
}
