package io.tickstream.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/v1/prices/latest} and {@code GET /api/v1/prices/latest/{instrumentId}}: reads of
 * {@code latest_prices}, never a scan of history. One instrument's price comes from the in-memory
 * copy when there is one ({@link LatestPriceCache}, same body), else from the table.
 */
final class PricesEndpoint {
  private final TradingQueries queries;
  private final LatestPriceCache cache;

  /** Reads through {@code queries}; {@code cache} may be null (always read the table). */
  PricesEndpoint(TradingQueries queries, LatestPriceCache cache) {
    this.queries = queries;
    this.cache = cache;
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
    byte[] cached = cache == null ? null : cache.body(id);
    if (cached != null) {
      JsonReply.send(ctx, cached);
      return;
    }
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
