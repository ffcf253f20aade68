package io.tickstream.sink;

/**
 * A table that takes only a few rows per batch (one per key), written on the fast path by one
 * statement whose parameters are text arrays, one per column: a single round trip instead of a
 * staging table's COPY, merge and truncation at commit. The safe path still stages and merges, so a
 * value the table refuses is isolated there as for every table.
 *
 * @param <T> the Avro value type of the topic
 */
interface ArrayMerge<T> {

  /** The merge, with one {@code ?::text[]} parameter per column, in the order of {@link #row}. */
  String arrayMergeSql();

  /** The number of array parameters. */
  int arrayColumns();

  /** Puts the text of each column of {@code value} into {@code into} (null for SQL NULL). */
  void row(T value, String[] into);
}
