package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * How the records of one topic land in one table: the topic to read, the statements that stage and
 * merge a batch, and the CSV columns of one record (in the order of {@link
 * SinkSql.Upsert#copyIntoStaging()}, the staging sequence number excluded; {@link StagedUpsert}
 * appends it).
 *
 * @param <T> the Avro value type of the topic
 */
interface TableWriter<T extends SpecificRecord> {

  /** The topic whose values this writer stores. */
  Topic<String, T> topic();

  /** The table written, for logs and the {@code table} tag of metrics. */
  String table();

  /** The staging and merge statements. */
  SinkSql.Upsert sql();

  /**
   * Appends the columns of {@code value} to {@code line}, for a table with one row per record.
   *
   * @param kafkaTimestampMs the record's Kafka timestamp, for tables that need a fallback time
   */
  void columns(T value, long kafkaTimestampMs, CopyLine line);

  /**
   * Appends the rows of {@code value}, each from {@link CopyRows#line()}; by default the one row of
   * {@link #columns}. A table storing a record as several rows (or none) overrides this.
   */
  default void rows(T value, long kafkaTimestampMs, CopyRows out) {
    columns(value, kafkaTimestampMs, out.line());
  }

  /**
   * Appends the rows of one decoded record; by default those of {@link #rows(SpecificRecord, long,
   * CopyRows)}. A writer that needs the record's key or coordinates, or that {@link
   * #storesTombstones() stores tombstones} (value null), overrides this.
   */
  default void rows(Decoded<T> row, CopyRows out) {
    rows(row.value(), row.source().timestamp(), out);
  }

  /**
   * Should this table's {@code COPY} input be PostgreSQL's binary format (when every column's type
   * has an encoder in {@link BinaryLine})? The server then parses no text: about 1.3x the rows per
   * second for trades. Only for a writer that calls, for each column, the {@link CopyLine} method
   * of that column's type (text for text, decimal for numeric, ...): CSV forgives a mismatch,
   * binary input does not.
   */
  default boolean binaryCopy() {
    return false;
  }

  /**
   * Does this writer take tombstones (records with a null value, as {@link Decoded}s whose value is
   * null)? Only for compacted topics where a tombstone means "delete"; otherwise they are skipped.
   */
  default boolean storesTombstones() {
    return false;
  }

  /**
   * The rows of a batch this table stores, in batch order; by default all. A writer of a summary
   * table (one row per key) keeps only the rows that can win.
   */
  default List<Decoded<T>> select(List<Decoded<T>> rows) {
    return rows;
  }

  /**
   * Should rows the database refuses go to the dead-letter topic? Not for the writer of that very
   * topic, where a refused row would come straight back.
   */
  default boolean deadLettersRefusals() {
    return true;
  }
}
