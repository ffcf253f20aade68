package io.tickstream.api.series;

import io.tickstream.api.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one page of a {@link SeriesTable} with keyset pagination:
 *
 * <pre>
 * SELECT cols FROM t WHERE owner = $1 [AND filter = $n …] [AND ts >= $from] [AND ts &lt; $to]
 *   [AND (ts, id) > ($last_ts, $last_id)] ORDER BY ts, id LIMIT $limit + 1
 * </pre>
 *
 * The statement text is assembled only from the table's constant names, choosing fragments by which
 * parameters are present (a handful of variants, each cached as a prepared statement); every value
 * is a bind parameter. The extra row tells whether a next page exists.
 */
public final class SeriesReader {
  private final Pool pool;

  /** A reader over {@code pool}. */
  public SeriesReader(Pool pool) {
    this.pool = pool;
  }

  /**
   * One page as {@code {"items":[…],"nextCursor":…}}.
   *
   * @param owner the owner id, ignored when the table has no owner column
   * @param filters present equality filters: column to value
   */
  public Future<JsonObject> page(
      SeriesTable table, String owner, Map<Column, String> filters, PageRequest request) {
    List<Object> binds = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    if (table.owner() != null) {
      binds.add(owner);
      where.append(" AND ").append(table.owner().name()).append(" = $").append(binds.size());
    }
    for (Map.Entry<Column, String> f : filters.entrySet()) {
      binds.add(f.getValue());
      where.append(" AND ").append(f.getKey().name()).append(" = $").append(binds.size());
    }
    String ts = table.time().name();
    if (request.from() != null) {
      binds.add(request.from().atOffset(ZoneOffset.UTC));
      where.append(" AND ").append(ts).append(" >= $").append(binds.size());
    }
    if (request.to() != null) {
      binds.add(request.to().atOffset(ZoneOffset.UTC));
      where.append(" AND ").append(ts).append(" < $").append(binds.size());
    }
    if (request.cursor() != null) {
      Cursor cursor = Cursor.decode(request.cursor(), table.keys().size());
      if (cursor.descending() != request.descending()) {
        throw ApiException.invalidParameter("cursor", "cursor was made with another sort");
      }
      List<String> params = new ArrayList<>();
      for (int i = 0; i < table.keys().size(); i++) {
        binds.add(bind(table.keys().get(i), cursor.keys().get(i)));
        params.add("$" + binds.size());
      }
      where
          .append(" AND (")
          .append(names(table.keys()))
          .append(request.descending() ? ") < (" : ") > (")
          .append(String.join(", ", params))
          .append(")");
    }
    String direction = request.descending() ? " DESC" : "";
    String order =
        table.keys().stream().map(k -> k.name() + direction).collect(Collectors.joining(", "));
    binds.add((long) request.limit() + 1);
    String sql =
        "SELECT "
            + names(table.columns())
            + " FROM "
            + table.table()
            + where
            + " ORDER BY "
            + order
            + " LIMIT $"
            + binds.size();
    return pool.preparedQuery(sql)
        .execute(Tuple.wrap(binds))
        .map(rows -> toPage(table, rows, request));
  }

  private static JsonObject toPage(SeriesTable table, RowSet<Row> rows, PageRequest request) {
    JsonArray items = new JsonArray();
    Row last = null;
    int n = 0;
    for (Row row : rows) {
      if (n++ == request.limit()) {
        break;
      }
      JsonObject item = new JsonObject();
      table.columns().forEach(c -> c.write(row, item));
      items.add(item);
      last = row;
    }
    String next = null;
    if (rows.size() > request.limit() && last != null) {
      List<String> keys = new ArrayList<>();
      for (Column k : table.keys()) {
        keys.add(k.cursorValue(last));
      }
      next = new Cursor(keys, request.descending()).encode();
    }
    return new JsonObject().put("items", items).put("nextCursor", next);
  }

  private static Object bind(Column key, String raw) {
    try {
      return key.bindValue(raw);
    } catch (RuntimeException e) {
      throw ApiException.invalidParameter(
          "cursor", "cursor must be the nextCursor of a previous page");
    }
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
