package io.tickstream.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/v1/prices/latest} and {@code GET /api/v1/prices/latest/{instrumentId}}: primary
 * key reads of {@code latest_prices}, never a scan of history.
 */
final class PricesEndpoint {
  private final TradingQueries queries;

  PricesEndpoint(TradingQueries queries) {
    this.queries = queries;
  }

  /** Answers {@code {"items":[…]}} ordered by instrument id. */
  void all(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    queries
        .latestPrices()
        .onSuccess(items -> ctx.json(new JsonObject().put("items", items)))
        .onFailure(ctx::fail);
  }

  /** Answers the price object, or 404 when the instrument has none. */
  void one(RoutingContext ctx) {
    QueryParameters.of(ctx.queryParams(), Set.of());
    String id = TextInput.id(ctx.pathParam("instrumentId"), "instrument");
    queries
        .latestPrice(id)
        .onSuccess(
            price ->
                price.ifPresentOrElse(
                    body -> JsonReply.send(ctx, body),
                    () -> ctx.fail(ApiException.notFound("no latest price for this instrument"))))
        .onFailure(ctx::fail);
  }
}
