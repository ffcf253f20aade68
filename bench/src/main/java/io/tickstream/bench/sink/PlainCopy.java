package io.tickstream.bench.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The baseline: {@code COPY} of prepared CSV into a copy of a sink table ({@code LIKE ... INCLUDING
 * ALL}: same columns, keys and indexes; a hypertable with the same chunks when the sink's is one),
 * one transaction per batch, durable commits, nothing else. The table lives from {@link #create} to
 * {@link #close}, so rounds of the benchmark add to it as the sink adds to its own.
 */
final class PlainCopy implements AutoCloseable {
  private final DataSource db;
  private final String target;

  private PlainCopy(DataSource db, String target) {
    this.db = db;
    this.target = target;
  }

  // Table names are the sink's own constants (never input); the statements take no values.
  static PlainCopy create(DataSource db, String table, String name) throws SQLException {
    String target = table + "_" + name;
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + target);
      st.execute("CREATE TABLE " + target + " (LIKE " + table + " INCLUDING ALL)");
      sameChunking(c, table, target);
    }
    return new PlainCopy(db, target);
  }

  /** Copies {@code csv} in transactions of {@code batch} rows; returns the seconds it took. */
  double copy(List<String> csv, int batch) throws SQLException, IOException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET synchronous_commit TO on");
      c.setAutoCommit(false);
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      long t0 = System.nanoTime();
      for (int from = 0; from < csv.size(); from += batch) {
        List<String> part = csv.subList(from, Math.min(csv.size(), from + batch));
        copy.copyIn(
            "COPY " + target + " FROM STDIN WITH (FORMAT csv)",
            new StringReader(String.join("\n", part) + "\n"));
        c.commit();
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /**
   * The same rows in PostgreSQL's binary COPY format, one byte array per row, as the server itself
   * writes them ({@code COPY ... TO STDOUT (FORMAT binary)} of the CSV loaded into a scratch
   * table): the baseline for a sink that sends binary, encoded by PostgreSQL rather than by us.
   */
  byte[][] binaryRows(List<String> csv) throws SQLException, IOException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE binary_rows (LIKE " + target + ")");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "COPY binary_rows FROM STDIN WITH (FORMAT csv)",
          new StringReader(String.join("\n", csv) + "\n"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy.copyOut("COPY binary_rows TO STDOUT WITH (FORMAT binary)", out);
      st.execute("DROP TABLE binary_rows");
      return splitRows(out.toByteArray(), csv.size());
    }
  }

  /** The tuples of a binary COPY stream: after the 19-byte header, up to the -1 trailer. */
  private static byte[][] splitRows(byte[] stream, int count) {
    ByteBuffer b = ByteBuffer.wrap(stream);
    byte[][] rows = new byte[count][];
    int at = BINARY_HEADER.length;
    for (int r = 0; r < count; r++) {
      int start = at;
      int fields = b.getShort(at);
      at += 2;
      for (int f = 0; f < fields; f++) {
        int length = b.getInt(at);
        at += 4 + Math.max(0, length);
      }
      rows[r] = Arrays.copyOfRange(stream, start, at);
    }
    return rows;
  }

  /** "PGCOPY\n\377\r\n\0", flags and header extension length. */
  private static final byte[] BINARY_HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** {@link #copy} of rows from {@link #binaryRows}, in binary. */
  double copyBinary(byte[][] rows, int batch) throws SQLException, IOException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET synchronous_commit TO on");
      c.setAutoCommit(false);
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      long t0 = System.nanoTime();
      for (int from = 0; from < rows.length; from += batch) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.write(BINARY_HEADER);
        for (int r = from; r < Math.min(rows.length, from + batch); r++) {
          part.write(rows[r]);
        }
        part.write(new byte[] {-1, -1});
        copy.copyIn(
            "COPY " + target + " FROM STDIN WITH (FORMAT binary)",
            new ByteArrayInputStream(part.toByteArray()));
        c.commit();
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + target);
    }
  }

  /**
   * With TimescaleDB the sink's table is a hypertable; so is the copy then, on the same time column
   * and chunk interval (compression and retention jobs do not run within a benchmark's seconds).
   */
  private static void sameChunking(Connection c, String table, String target) throws SQLException {
    String column;
    String interval;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.column_name, d.time_interval::text FROM timescaledb_information.dimensions d"
                + " WHERE d.hypertable_name = ? AND d.dimension_type = 'Time'")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        column = rs.getString(1);
        interval = rs.getString(2);
      }
    } catch (SQLException e) {
      return; // plain PostgreSQL: no timescaledb_information schema, and a plain table it is
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT create_hypertable(?::regclass, ?::name, chunk_time_interval => ?::interval,"
                + " create_default_indexes => FALSE)")) {
      ps.setString(1, target);
      ps.setString(2, column);
      ps.setString(3, interval);
      ps.execute();
    }
  }
}
