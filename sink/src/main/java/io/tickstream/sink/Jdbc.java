package io.tickstream.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The few JDBC calls the sink repeats: run a statement, ask whether a query has a row. */
final class Jdbc {
  private Jdbc() {}

  static boolean exists(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static int execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return ps.executeUpdate();
    }
  }

  /** Runs a statement that returns rows (such as {@code SELECT create_hypertable(...)}). */
  static void query(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }

  /**
   * Does this error come from the data of a row (SQLSTATE class 22 data exception or 23 integrity
   * violation), as opposed to the server or connection being unavailable?
   */
  static boolean isDataError(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        return state.startsWith("22") || state.startsWith("23");
      }
    }
    return false;
  }
}
