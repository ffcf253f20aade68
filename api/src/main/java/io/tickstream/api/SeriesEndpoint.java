package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.series.Column;
import io.tickstream.api.series.PageRequest;
import io.tickstream.api.series.SeriesReader;
import io.tickstream.api.series.SeriesTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A paged list route over one {@link SeriesTable}: {@code ?from=&to=&limit=&cursor=&sort=} plus the
 * table's filters; answers {@code {"items":[…],"nextCursor":…}}.
 */
final class SeriesEndpoint {
  /** Who owns the rows of a table, named by a path parameter. */
  enum Owner {
    /** No owner: all rows (signals, dead letters). */
    NONE,
    /** {@code {instrumentId}}: an unknown instrument answers 404. */
    INSTRUMENT,
    /** {@code {accountId}}: an account not granted to the caller answers 404. */
    ACCOUNT
  }

  private final SeriesTable table;
  private final Owner owner;
  private final SeriesReader reader;
  private final ApiQueries queries;
  private final ApiConfig cfg;
  private final Set<String> parameters;

  SeriesEndpoint(
      SeriesTable table, Owner owner, SeriesReader reader, ApiQueries queries, ApiConfig cfg) {
    this.table = table;
    this.owner = owner;
    this.reader = reader;
    this.queries = queries;
    this.cfg = cfg;
    Set<String> p = new HashSet<>(PageRequest.PARAMETERS);
    p.addAll(table.filters().keySet());
    this.parameters = Set.copyOf(p);
  }

  /** Answers one page. */
  void list(RoutingContext ctx) {
    QueryParameters q = QueryParameters.of(ctx.queryParams(), parameters);
    String ownerId =
        switch (owner) {
          case NONE -> null;
          case INSTRUMENT -> TextInput.id(ctx.pathParam("instrumentId"), "instrument");
          case ACCOUNT -> {
            String id = ctx.pathParam("accountId");
            Access.requireAccount(ctx, id);
            yield id;
          }
        };
    PageRequest request =
        PageRequest.parse(
            q::single,
            cfg.defaultPageSize(),
            cfg.maxPageSize(),
            Duration.ofDays(cfg.limits().rangeMaxDays()));
    Map<Column, String> filters = new LinkedHashMap<>();
    table
        .filters()
        .forEach(
            (param, column) -> {
              String value = q.single(param);
              if (value != null) {
                filters.put(column, TextInput.filter(value, param));
              }
            });
    reader
        .page(table, ownerId, filters, request)
        .compose(page -> requireOwner(ownerId, page))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /** An empty page of an unknown instrument is a 404; checked only then, to save a query. */
  private Future<JsonObject> requireOwner(String ownerId, JsonObject page) {
    if (owner != Owner.INSTRUMENT || !page.getJsonArray("items").isEmpty()) {
      return Future.succeededFuture(page);
    }
    return queries
        .instrumentExists(ownerId)
        .compose(
            exists ->
                exists
                    ? Future.succeededFuture(page)
                    : Future.failedFuture(ApiException.notFound("unknown instrument")));
  }
}
