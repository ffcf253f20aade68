package io.tickstream.sink;

import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.postgresql.PGConnection;

/**
 * How one {@link TableWriter} moves a batch into its table, inside the caller's transaction.
 *
 * <p>The fast path is one {@code COPY} straight into the table under a savepoint: it succeeds
 * exactly when no row of the batch is already stored, which is every batch but a redelivered one
 * (or one that revises stored rows). Any conflict or refused value rolls it back, and the batch
 * takes the safe path: {@code COPY} into a temporary staging table, then one {@code INSERT ... ON
 * CONFLICT} merge. When the database rejects the data of a row there, the batch is bisected under
 * savepoints until the offending rows are isolated; they are reported as {@link Rejection}s and
 * every other row is still written. After a fallback the fast path rests for a few batches, so a
 * stream of revisions does not pay for a failed COPY each time.
 */
final class StagedUpsert<T extends SpecificRecord> {
  private static final int REST_AFTER_FALLBACK = 8;

  private final TableWriter<T> writer;
  private final SinkMetrics metrics;
  private int restBatches;

  StagedUpsert(TableWriter<T> writer, SinkMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  TableWriter<T> writer() {
    return writer;
  }

  /**
   * Writes {@code batch} in the current transaction of {@code c} (auto-commit off).
   *
   * @param rejected receives the rows the database refused
   * @return the number of table rows inserted or updated
   * @throws SQLException for failures that are not about a row's data (server down, connection
   *     lost): the caller rolls back and retries the whole batch
   */
  int write(Connection c, List<Decoded<T>> batch, List<Rejection> rejected) throws SQLException {
    List<Decoded<T>> rows = writer.select(batch);
    if (rows.isEmpty()) {
      return 0;
    }
    Timer.Sample sample = Timer.start();
    try {
      if (writer.sql().copyDirect() != null && restBatches-- <= 0 && copyDirect(c, rows)) {
        return rows.size();
      }
      Jdbc.execute(c, writer.sql().createStaging());
      return isolating(c, rows, 0, rejected);
    } finally {
      sample.stop(metrics.tableWriteLatency(writer.table()));
    }
  }

  private boolean copyDirect(Connection c, List<Decoded<T>> rows) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      copy(c, writer.sql().copyDirect(), csv(rows, -1));
      c.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      if (!Jdbc.isDataError(e)) {
        throw e;
      }
      c.rollback(savepoint);
      c.releaseSavepoint(savepoint);
      restBatches = REST_AFTER_FALLBACK;
      metrics.copyFallback(writer.table());
      return false;
    }
  }

  private int isolating(
      Connection c, List<Decoded<T>> rows, long firstSeq, List<Rejection> rejected)
      throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      int written = stageAndMerge(c, rows, firstSeq);
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
      return isolating(c, rows.subList(0, mid), firstSeq, rejected)
          + isolating(c, rows.subList(mid, rows.size()), firstSeq + mid, rejected);
    }
  }

  private int stageAndMerge(Connection c, List<Decoded<T>> rows, long firstSeq)
      throws SQLException {
    copy(c, writer.sql().copyIntoStaging(), csv(rows, firstSeq));
    int written = Jdbc.execute(c, writer.sql().merge());
    Jdbc.execute(c, writer.sql().clearStaging());
    return written;
  }

  /** The CSV of {@code rows}; with a staging sequence number from {@code firstSeq} if >= 0. */
  private String csv(List<Decoded<T>> rows, long firstSeq) {
    StringBuilder csv = new StringBuilder(rows.size() * 160);
    long seq = firstSeq;
    for (Decoded<T> row : rows) {
      CsvLine line = new CsvLine(csv);
      writer.columns(row.value(), row.source().timestamp(), line);
      if (firstSeq >= 0) {
        line.integer(seq++);
      }
      line.end();
    }
    return csv.toString();
  }

  private static void copy(Connection c, String sql, String csv) throws SQLException {
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
    } catch (IOException e) {
      // Not a row's fault: treat like a lost connection so the batch is retried.
      throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
    }
  }
}
