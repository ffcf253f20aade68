package io.tickstream.api.series;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table read as a time series with keyset pagination: rows of one owner (an instrument or an
 * account, or all rows when {@code owner} is null), ordered by the key columns (the time column,
 * then tie-breakers that make the order total). Every name here is a constant of {@link
 * SeriesTables}: client input only ever chooses among them and fills bind parameters.
 *
 * @param table the SQL table
 * @param owner the column equal to the path's owner id, or null
 * @param keys the order: a time column first, then tie-breakers
 * @param columns the selected columns, keys included
 * @param filters optional equality filters: query parameter name to column
 */
public record SeriesTable(
    String table,
    Column owner,
    List<Column> keys,
    List<Column> columns,
    Map<String, Column> filters) {

  public SeriesTable {
    Objects.requireNonNull(table, "table");
    keys = List.copyOf(keys);
    columns = List.copyOf(columns);
    filters = Map.copyOf(new LinkedHashMap<>(filters));
    if (keys.isEmpty() || keys.get(0).kind() != Column.Kind.TIME) {
      throw new IllegalArgumentException(table + ": the first key must be a time column");
    }
    if (!columns.containsAll(keys)) {
      throw new IllegalArgumentException(table + ": the selected columns must hold the keys");
    }
  }

  /** The time column ranges and cursors apply to. */
  public Column time() {
    return keys.get(0);
  }
}
