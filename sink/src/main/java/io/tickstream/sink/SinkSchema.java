package io.tickstream.sink;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The sink's database schema: Flyway migrations plus the TimescaleDB detection. */
public final class SinkSchema {
  private SinkSchema() {}

  /**
   * Creates or updates the sink's tables ({@code instruments}, {@code bars}, {@code dead_letters})
   * and, when the server has TimescaleDB, makes {@code bars} a hypertable. Idempotent: a second
   * call is a no-op. Logs one line naming the storage mode.
   *
   * @return the dialect in use
   * @throws org.flywaydb.core.api.FlywayException when the database is unreachable or a migration
   *     fails
   */
  public static Dialect migrate(DataSource dataSource) {
    HypertableCallback hypertables = new HypertableCallback();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Own history table: other modules may keep their own migrations in the same database.
        .table("sink_schema_history")
        .callbacks(hypertables)
        .load()
        .migrate();
    return hypertables.dialect();
  }
}
