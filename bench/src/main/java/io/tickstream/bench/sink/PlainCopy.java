package io.tickstream.bench.sink;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  static PlainCopy create(DataSource db, String table) throws SQLException {
    String target = table + "_plain_copy";
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
