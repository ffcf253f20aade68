package io.tickstream.api.series;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A column of a table the API reads and the JSON field it becomes. Decimals turn into plain strings
 * with the stored scale, times into ISO-8601 UTC instants, bytes into hex.
 *
 * @param name the SQL column name (a constant of this code base, never client input)
 * @param json the JSON field name
 * @param kind how the value is read and written
 */
public record Column(String name, String json, Kind kind) {
  /** Value kinds. */
  public enum Kind {
    TEXT,
    DECIMAL,
    TIME,
    INT,
    LONG,
    DOUBLE,
    BOOL,
    BYTES
  }

  public Column {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a column name: " + name);
    }
  }

  /** A column whose JSON name is the camel case of its SQL name. */
  public static Column of(String name, Kind kind) {
    return new Column(name, camel(name), kind);
  }

  /** Puts this column of {@code row} into {@code out}; SQL NULL becomes JSON null. */
  public void write(Row row, JsonObject out) {
    Object value =
        switch (kind) {
          case TEXT -> row.getString(name);
          case DECIMAL -> plain(row.getBigDecimal(name));
          case TIME -> time(row.getOffsetDateTime(name));
          case INT -> row.getInteger(name);
          case LONG -> row.getLong(name);
          case DOUBLE -> row.getDouble(name);
          case BOOL -> row.getBoolean(name);
          case BYTES ->
              row.getBuffer(name) == null
                  ? null
                  : HexFormat.of().formatHex(row.getBuffer(name).getBytes());
        };
    out.put(json, value);
  }

  /** Reads the raw value of this column as the string a cursor stores. */
  String cursorValue(Row row) {
    return switch (kind) {
      case TIME -> time(row.getOffsetDateTime(name));
      case DECIMAL -> plain(row.getBigDecimal(name));
      default -> String.valueOf(row.getValue(name));
    };
  }

  /** Parses a cursor string back into the bind value of this column. */
  Object bindValue(String raw) {
    return switch (kind) {
      case TEXT -> raw;
      case INT -> Integer.valueOf(raw);
      case LONG -> Long.valueOf(raw);
      case TIME -> OffsetDateTime.parse(raw);
      default -> throw new IllegalStateException("no cursor on " + kind + " column " + name);
    };
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String time(OffsetDateTime value) {
    return value == null ? null : value.toInstant().toString();
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
