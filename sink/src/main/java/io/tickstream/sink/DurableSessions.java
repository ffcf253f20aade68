package io.tickstream.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Prepares every database session the sink writes through, once per physical connection rather than
 * in every batch (statements fewer per transaction): commits are made durable (offsets are
 * committed after the database commit, so that commit must be on disk when it returns, whatever the
 * server's default; embedded servers often run with {@code synchronous_commit = off}, which loses
 * the last commits in a crash), and the temporary staging tables are created, so the fast path of a
 * session's first batch finds them.
 */
final class DurableSessions {
  private final List<String> setUp;

  /** {@code stagingTables}: the statements creating the session's temporary tables. */
  DurableSessions(List<String> stagingTables) {
    List<String> all = new ArrayList<>();
    all.add(SinkSql.DURABLE_COMMIT);
    all.addAll(stagingTables);
    this.setUp = List.copyOf(all);
  }

  private final Set<PGConnection> prepared =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** Call with the connection in auto-commit mode, as the pool hands it out. */
  void prepare(Connection c) throws SQLException {
    PGConnection session = c.unwrap(PGConnection.class);
    if (!prepared.contains(session)) {
      for (String sql : setUp) {
        Jdbc.execute(c, sql);
      }
      prepared.add(session);
    }
  }
}
