package io.tickstream.sink;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.postgresql.PGConnection;

/**
 * The batch mechanism shared by every table: {@code COPY} the rows into a temporary staging table,
 * then merge the staging table into the target with one {@code INSERT ... ON CONFLICT}, all inside
 * the caller's transaction. When the database rejects the data of a row, the batch is bisected
 * under savepoints until the offending rows are isolated; they are reported as {@link Rejection}s
 * and every other row is still written.
 */
final class StagedUpsert {
  private StagedUpsert() {}

  /**
   * Writes {@code rows} in the current transaction of {@code c} (auto-commit off).
   *
   * @param rejected receives the rows the database refused
   * @return the number of table rows inserted or updated
   * @throws SQLException for failures that are not about a row's data (server down, connection
   *     lost): the caller rolls back and retries the whole batch
   */
  static <T extends SpecificRecord> int write(
      Connection c, TableWriter<T> writer, List<Decoded<T>> rows, List<Rejection> rejected)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    Jdbc.execute(c, writer.sql().createStaging());
    return isolating(c, writer, rows, 0, rejected);
  }

  private static <T extends SpecificRecord> int isolating(
      Connection c,
      TableWriter<T> writer,
      List<Decoded<T>> rows,
      long firstSeq,
      List<Rejection> rejected)
      throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      int written = stageAndMerge(c, writer, rows, firstSeq);
      c.releaseSavepoint(savepoint);
      return written;
    } catch (SQLException e) {
      if (!Jdbc.isDataError(e)) {
        throw e;
      }
      c.rollback(savepoint);
      c.releaseSavepoint(savepoint);
      if (rows.size() == 1) {
        rejected.add(Rejection.dbRejected(rows.get(0).source(), writer.table(), e));
        return 0;
      }
      int mid = rows.size() / 2;
      return isolating(c, writer, rows.subList(0, mid), firstSeq, rejected)
          + isolating(c, writer, rows.subList(mid, rows.size()), firstSeq + mid, rejected);
    }
  }

  private static <T extends SpecificRecord> int stageAndMerge(
      Connection c, TableWriter<T> writer, List<Decoded<T>> rows, long firstSeq)
      throws SQLException {
    StringBuilder csv = new StringBuilder(rows.size() * 160);
    long seq = firstSeq;
    for (Decoded<T> row : rows) {
      CsvLine line = new CsvLine(csv);
      writer.columns(row.value(), row.source().timestamp(), line);
      line.integer(seq++).end();
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(writer.sql().copyIntoStaging(), new StringReader(csv.toString()));
    } catch (IOException e) {
      // Not a row's fault: treat like a lost connection so the batch is retried.
      throw new SQLException("COPY into staging failed: " + e.getMessage(), "08006", e);
    }
    int written = Jdbc.execute(c, writer.sql().merge());
    Jdbc.execute(c, writer.sql().clearStaging());
    return written;
  }
}
