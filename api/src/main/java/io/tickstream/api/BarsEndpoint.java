package io.tickstream.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/v1/bars/{instrumentId}?spec=1m&from=&to=&limit=}: one page of bars, ascending by
 * start. See {@link BarQuery} for the meaning of the parameters.
 */
final class BarsEndpoint {
  private final ApiQueries queries;
  private final ApiConfig cfg;

  BarsEndpoint(ApiQueries queries, ApiConfig cfg) {
    this.queries = queries;
    this.cfg = cfg;
  }

  /** Answers {@code {"instrumentId":…,"spec":…,"items":[…]}}, or 404 for an unknown instrument. */
  void list(RoutingContext ctx) {
    BarQuery query =
        BarQuery.parse(
            ctx.pathParam("instrumentId"),
            ctx.queryParams(),
            cfg.defaultPageSize(),
            cfg.maxPageSize());
    if (query.instrumentId().indexOf('\0') >= 0) {
      // PostgreSQL text cannot hold NUL, so no such instrument exists (and the query would fail).
      throw ApiException.notFound("unknown instrument");
    }
    queries
        .bars(query)
        .compose(
            rows -> rows.isEmpty() ? requireInstrument(query, rows) : Future.succeededFuture(rows))
        .onSuccess(rows -> JsonReply.send(ctx, json -> page(query, rows, json)))
        .onFailure(ctx::fail);
  }

  /** An empty page is an answer only for a known instrument; checked lazily to save a query. */
  private Future<List<BarRow>> requireInstrument(BarQuery query, List<BarRow> rows) {
    return queries
        .instrumentExists(query.instrumentId())
        .compose(
            exists ->
                exists
                    ? Future.succeededFuture(rows)
                    : Future.failedFuture(
                        // Not echoed: a response never reflects client text back.
                        ApiException.notFound("unknown instrument")));
  }

  /** {@code {"instrumentId":…,"spec":…,"items":[…]}}, items as in {@link BarRow#toJson}. */
  private static void page(BarQuery query, List<BarRow> rows, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("instrumentId", query.instrumentId());
    json.writeStringField("spec", query.spec());
    json.writeArrayFieldStart("items");
    for (BarRow row : rows) {
      row.write(json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
