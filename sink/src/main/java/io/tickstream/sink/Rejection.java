package io.tickstream.sink;

import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record the sink cannot store, on its way to the dead-letter topic.
 *
 * @param reasonCode machine-readable reason, e.g. {@code BAD_MAGIC_BYTE} or {@code DB_REJECTED}
 * @param message what went wrong, for people
 * @param source the record as consumed
 */
record Rejection(String reasonCode, String message, ConsumerRecord<byte[], byte[]> source) {

  /** Reason code of a row PostgreSQL refused (a data exception or a constraint violation). */
  static final String DB_REJECTED = "DB_REJECTED";

  static Rejection dbRejected(ConsumerRecord<byte[], byte[]> source, String table, SQLException e) {
    return new Rejection(
        DB_REJECTED,
        "table "
            + table
            + " refused the row (SQLSTATE "
            + e.getSQLState()
            + "): "
            + e.getMessage()
            + ". Fix the producer or the value and replay the original bytes.",
        source);
  }
}
