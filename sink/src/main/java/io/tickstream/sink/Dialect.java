package io.tickstream.sink;

/** The flavour of PostgreSQL the sink writes to, detected at start. */
public enum Dialect {
  /** TimescaleDB is installed: {@code bars} is a hypertable chunked by day on {@code start_ts}. */
  TIMESCALEDB,
  /** Plain PostgreSQL: the same tables, with a btree primary key and no hypertables. */
  POSTGRESQL
}
