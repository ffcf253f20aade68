package io.tickstream.sink;

/** The flavour of PostgreSQL the sink writes to, detected at start. */
public enum Dialect {
  /**
   * TimescaleDB is installed: {@code trades}, {@code quotes} and {@code bars} are hypertables with
   * compression and retention policies; {@code trades_1m} is a continuous aggregate.
   */
  TIMESCALEDB,
  /**
   * Plain PostgreSQL: the same tables with btree keys and BRIN indexes; {@code trades_1m} is a
   * view.
   */
  POSTGRESQL
}
