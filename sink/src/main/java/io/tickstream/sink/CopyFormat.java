package io.tickstream.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of one {@code COPY} statement's input: CSV (any column types: the server parses the
 * text), or PostgreSQL's binary format when every column of the statement has a type {@link
 * BinaryLine} can encode. The statements in {@link SinkSql} are written for CSV; {@link #statement}
 * turns one into its binary twin.
 */
abstract sealed class CopyFormat {
  /** CSV, for every statement. */
  static final CopyFormat CSV = new Csv();

  /** Column types with a binary encoder, by {@code pg_type.typname}. */
  enum Type {
    TEXT,
    NUMERIC,
    INT2,
    INT4,
    INT8,
    FLOAT8,
    BOOL,
    BYTEA,
    TIMESTAMPTZ;

    static Type of(String typname) {
      return switch (typname) {
        case "text", "varchar", "bpchar" -> TEXT;
        case "numeric" -> NUMERIC;
        case "int2" -> INT2;
        case "int4" -> INT4;
        case "int8" -> INT8;
        case "float8" -> FLOAT8;
        case "bool" -> BOOL;
        case "bytea" -> BYTEA;
        case "timestamptz" -> TIMESTAMPTZ;
        default -> null;
      };
    }
  }

  /** A column of a {@code COPY} statement's column list. */
  record Column(String name, Type type) {}

  private static final Pattern CSV_COPY =
      Pattern.compile("COPY (\\w+) \\(([^)]+)\\) FROM STDIN WITH \\(FORMAT csv\\)");

  private static final String COLUMN_TYPES =
      "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
          + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

  /** The statement to run for {@code csvStatement}, one of {@link SinkSql}'s. */
  abstract String statement(String csvStatement);

  /** Writes what comes before the first row. */
  abstract void begin(CopyBuffer out);

  /** Starts a row. */
  abstract CopyLine line(CopyBuffer out);

  /** Writes what comes after the last row. */
  abstract void end(CopyBuffer out);

  /**
   * Binary when every column of {@code csvStatement} (a {@code COPY table (columns) FROM STDIN WITH
   * (FORMAT csv)}) has a type with a binary encoder, else CSV.
   *
   * @throws SQLException as any statement on the table would, e.g. {@code 42P01} when a staging
   *     table does not exist in this session yet
   */
  static CopyFormat resolve(Connection c, String csvStatement) throws SQLException {
    Matcher m = CSV_COPY.matcher(csvStatement);
    if (!m.matches()) {
      return CSV;
    }
    Map<String, Type> types = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMN_TYPES)) {
      ps.setString(1, m.group(1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), Type.of(rs.getString(2)));
        }
      }
    }
    String[] names = m.group(2).split(",");
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(Locale.ROOT);
      Type type = types.get(name);
      if (type == null) {
        return CSV; // a type without a binary encoder here (or an unknown column: let COPY say)
      }
      columns[i] = new Column(name, type);
    }
    return new Binary(columns);
  }

  private static final class Csv extends CopyFormat {
    @Override
    String statement(String csvStatement) {
      return csvStatement;
    }

    @Override
    void begin(CopyBuffer out) {}

    @Override
    CopyLine line(CopyBuffer out) {
      return new CsvLine(out);
    }

    @Override
    void end(CopyBuffer out) {}
  }

  private static final class Binary extends CopyFormat {
    /** "PGCOPY\n\377\r\n\0", then 32-bit flags (no OIDs) and header extension length, both 0. */
    private static final byte[] HEADER = {
      'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private final Column[] columns;

    Binary(Column[] columns) {
      this.columns = columns;
    }

    @Override
    String statement(String csvStatement) {
      return csvStatement.replace("(FORMAT csv)", "(FORMAT binary)");
    }

    @Override
    void begin(CopyBuffer out) {
      out.put(HEADER, 0, HEADER.length);
    }

    @Override
    CopyLine line(CopyBuffer out) {
      return new BinaryLine(out, columns);
    }

    @Override
    void end(CopyBuffer out) {
      out.putShort(-1); // the file trailer: a field count of -1
    }
  }
}
