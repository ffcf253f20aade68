package io.tickstream.sink;

import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * How one {@link TableWriter} moves a batch into its table, inside the caller's transaction.
 *
 * <p>{@link #writeFast} is the optimistic path of a whole batch: one {@code COPY} straight into the
 * table, no savepoint and no staging. It succeeds exactly when no row of the batch is already
 * stored, which is every batch but a redelivered one (or one that revises stored rows). Any
 * conflict or refused value aborts the transaction with {@link FastPathMiss}; the caller rolls back
 * and writes the batch again with {@link #write}, the safe path: {@code COPY} into a temporary
 * staging table, then one {@code INSERT ... ON CONFLICT} merge, under a savepoint. When the
 * database rejects the data of a row there, the batch is bisected under savepoints until the
 * offending rows are isolated; they are reported as {@link Rejection}s and every other row is still
 * written. After a miss the direct COPY rests for a few batches, so a stream of revisions does not
 * pay for a failed COPY each time. Tables without a direct COPY stage and merge in both paths
 * (without a savepoint in the fast one).
 */
final class StagedUpsert<T extends SpecificRecord> {
  private static final int REST_AFTER_FALLBACK = 8;
  private static final String UNDEFINED_TABLE = "42P01";

  /** How much CSV is encoded before it is sent; a few protocol-sized messages per batch. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private final TableWriter<T> writer;
  private final SinkMetrics metrics;
  private final CopyBuffer buffer = new CopyBuffer(CHUNK_BYTES + 4096);

  /** Per COPY statement, its encoding; the database thread and, on retries, the loop thread. */
  private final Map<String, CopyFormat> formats = new ConcurrentHashMap<>();

  private int restBatches;

  /** Rows of the batch being written, to tell the whole batch from a bisected part. */
  private int batchSize;

  StagedUpsert(TableWriter<T> writer, SinkMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  TableWriter<T> writer() {
    return writer;
  }

  /**
   * Writes {@code batch} in the current transaction of {@code c} (auto-commit off) on the
   * optimistic path: no savepoint, so any failure aborts the transaction.
   *
   * @return the number of table rows inserted or updated
   * @throws FastPathMiss when a stored row, a refused value or a missing staging table (a new
   *     session) stops it: roll back and write the whole batch again with {@link #write}
   * @throws SQLException for failures that are not about the data (server down, connection lost)
   */
  @SuppressWarnings("unchecked")
  int writeFast(Connection c, List<Decoded<T>> batch, Encoded encoded) throws SQLException {
    List<Decoded<T>> rows = writer.select(batch);
    if (rows.isEmpty()) {
      return 0;
    }
    batchSize = rows.size();
    boolean direct = writer.sql().copyDirect() != null && restBatches-- <= 0;
    Timer.Sample sample = Timer.start();
    try {
      if (direct && encoded != null && encoded.batch == batch) {
        send(c, writer.sql().copyDirect(), encoded);
        metrics.copyEncodedAhead(writer.table());
        return encoded.rows;
      }
      if (direct) {
        copy(c, writer.sql().copyDirect(), rows, -1);
        return rows.size();
      }
      if (writer instanceof ArrayMerge<?> arrays) {
        return arrayMerge(c, (ArrayMerge<T>) arrays, rows);
      }
      return stageAndMerge(c, rows, 0, false);
    } catch (SQLException e) {
      if (!Jdbc.isDataError(e) && !UNDEFINED_TABLE.equals(e.getSQLState())) {
        throw e;
      }
      if (direct) {
        restBatches = REST_AFTER_FALLBACK;
        metrics.copyFallback(writer.table());
      }
      throw new FastPathMiss(writer.table(), e);
    } finally {
      sample.stop(metrics.tableWriteLatency(writer.table()));
    }
  }

  /**
   * {@code batch}'s rows encoded for the direct {@code COPY} ahead of {@link #writeFast}: the loop
   * thread calls this while the database thread stores the previous batch, so the encoding (a third
   * of the database thread's time otherwise) overlaps with the database's work. Null when the table
   * has no direct COPY, when its binary layout is not known yet (before the first batch resolved it
   * from the catalog) or when a value is refused: {@link #writeFast} then encodes as before, and
   * reports the refusal.
   */
  Encoded encode(List<Decoded<T>> batch) {
    String sql = writer.sql().copyDirect();
    if (sql == null) {
      return null;
    }
    CopyFormat format = writer.binaryCopy() ? formats.get(sql) : CopyFormat.CSV;
    List<Decoded<T>> rows = format == null ? List.of() : writer.select(batch);
    if (rows.isEmpty()) {
      return null;
    }
    CopyBuffer out = new CopyBuffer(rows.size() * 128 + 64);
    try {
      format.begin(out);
      CopyRows lines = new CopyRows(out, format);
      for (Decoded<T> row : rows) {
        lines.record(-1);
        writer.rows(row, lines);
        lines.finish();
      }
      format.end(out);
    } catch (CopyValueRefused e) {
      return null;
    }
    return new Encoded(batch, format, out, rows.size());
  }

  /** The direct COPY input of one batch, made by {@link #encode}. */
  static final class Encoded {
    private final List<?> batch;
    private final CopyFormat format;
    private final CopyBuffer bytes;
    private final int rows;

    private Encoded(List<?> batch, CopyFormat format, CopyBuffer bytes, int rows) {
      this.batch = batch;
      this.format = format;
      this.bytes = bytes;
      this.rows = rows;
    }
  }

  private static void send(Connection c, String sql, Encoded encoded) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(encoded.format.statement(sql));
    try {
      byte[] b = encoded.bytes.array();
      for (int at = 0; at < encoded.bytes.size(); at += CHUNK_BYTES) {
        in.writeToCopy(b, at, Math.min(CHUNK_BYTES, encoded.bytes.size() - at));
      }
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /**
   * Writes {@code batch} in the current transaction of {@code c} (auto-commit off) on the safe
   * path: staged and merged under savepoints, refused rows isolated.
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
    batchSize = rows.size();
    Timer.Sample sample = Timer.start();
    try {
      return isolating(c, rows, 0, rejected);
    } finally {
      sample.stop(metrics.tableWriteLatency(writer.table()));
    }
  }

  private static <T> int arrayMerge(Connection c, ArrayMerge<T> merge, List<Decoded<T>> rows)
      throws SQLException {
    String[][] columns = new String[merge.arrayColumns()][rows.size()];
    String[] row = new String[merge.arrayColumns()];
    for (int r = 0; r < rows.size(); r++) {
      merge.row(rows.get(r).value(), row);
      for (int col = 0; col < row.length; col++) {
        columns[col][r] = row[col];
      }
    }
    try (PreparedStatement ps = c.prepareStatement(merge.arrayMergeSql())) {
      for (int col = 0; col < columns.length; col++) {
        ps.setArray(col + 1, c.createArrayOf("text", columns[col]));
      }
      return ps.executeUpdate();
    }
  }

  /** The fast path met data it cannot take; the batch must be written on the safe path. */
  static final class FastPathMiss extends RuntimeException {
    FastPathMiss(String table, SQLException cause) {
      super("fast path of table " + table + " missed: " + cause.getMessage(), cause);
    }
  }

  private int isolating(
      Connection c, List<Decoded<T>> rows, long firstSeq, List<Rejection> rejected)
      throws SQLException {
    // Only a bisection stages twice in one transaction; the first staging is emptied at commit.
    boolean clear = firstSeq > 0 || rows.size() < batchSize;
    Savepoint savepoint = c.setSavepoint();
    try {
      int written;
      try {
        written = stageAndMerge(c, rows, firstSeq, clear);
      } catch (SQLException e) {
        if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
          throw e;
        }
        // The session's first batch, or the one that created the staging table was rolled back:
        // create it now rather than asking for it (one statement more) in every batch.
        c.rollback(savepoint);
        Jdbc.execute(c, writer.sql().createStaging());
        written = stageAndMerge(c, rows, firstSeq, clear);
      }
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

  private int stageAndMerge(Connection c, List<Decoded<T>> rows, long firstSeq, boolean clear)
      throws SQLException {
    copy(c, writer.sql().copyIntoStaging(), rows, firstSeq);
    int written = Jdbc.execute(c, writer.sql().merge());
    if (clear) {
      Jdbc.execute(c, writer.sql().clearStaging());
    }
    return written;
  }

  /**
   * Streams {@code rows} (with a staging sequence number from {@code firstSeq} if >= 0) into {@code
   * sql}, a chunk at a time, so the server parses one chunk while the next is encoded; in binary
   * when the writer asks for it and the columns allow it, else as CSV.
   */
  private void copy(Connection c, String sql, List<Decoded<T>> rows, long firstSeq)
      throws SQLException {
    CopyFormat format = format(c, sql);
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(format.statement(sql));
    try {
      format.begin(buffer);
      CopyRows lines = new CopyRows(buffer, format);
      long seq = firstSeq;
      for (Decoded<T> row : rows) {
        lines.record(firstSeq >= 0 ? seq++ : -1);
        writer.rows(row, lines);
        lines.finish();
        if (buffer.size() >= CHUNK_BYTES) {
          flush(in);
        }
      }
      format.end(buffer);
      flush(in);
      in.endCopy();
    } catch (CopyValueRefused e) {
      throw new SQLDataException(
          "table " + writer.table() + ": " + e.getMessage(), e.sqlState(), e);
    } finally {
      buffer.clear();
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** The encoding of {@code sql}'s input, looked up in the catalog once per statement. */
  private CopyFormat format(Connection c, String sql) throws SQLException {
    if (!writer.binaryCopy()) {
      return CopyFormat.CSV;
    }
    CopyFormat format = formats.get(sql);
    if (format == null) {
      format = CopyFormat.resolve(c, sql);
      formats.put(sql, format);
    }
    return format;
  }

  private void flush(CopyIn in) throws SQLException {
    if (buffer.size() > 0) {
      in.writeToCopy(buffer.array(), 0, buffer.size());
      buffer.clear();
    }
  }
}
