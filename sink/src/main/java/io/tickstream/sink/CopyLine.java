package io.tickstream.sink;

import java.math.BigDecimal;

/**
 * One row of {@code COPY} input, its columns appended in the order of the statement's column list.
 * {@link CsvLine} writes CSV, {@link BinaryLine} PostgreSQL's binary format; a {@link TableWriter}
 * describes its row once, for both. A null value stays SQL NULL.
 */
interface CopyLine {

  /** A text column. */
  CopyLine text(CharSequence value);

  /** A {@code numeric} column, exactly. */
  CopyLine decimal(BigDecimal value);

  /** A {@code double precision} column (NaN and infinities included). */
  CopyLine float8(Double value);

  /** An integer column ({@code smallint}, {@code int} or {@code bigint}). */
  CopyLine integer(long value);

  /** A {@code bytea} column. */
  CopyLine bytes(byte[] value);

  /** A {@code boolean} column. */
  CopyLine bool(boolean value);

  /** A {@code timestamptz} column from nanoseconds since the epoch, truncated to microseconds. */
  CopyLine epochNanos(long nanos);

  /** Ends the row. */
  void end();
}
