package io.tickstream.sink;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The sink's database schema: Flyway migrations plus the TimescaleDB detection and set-up. */
public final class SinkSchema {
  private SinkSchema() {}

  /** {@link #migrate(DataSource, StorageOptions)} with the default storage options. */
  public static Dialect migrate(DataSource dataSource) {
    return migrate(dataSource, StorageOptions.defaults());
  }

  /**
   * Creates or updates the sink's tables ({@code instruments}, {@code bars}, {@code trades}, {@code
   * quotes}, {@code latest_prices}, {@code dead_letters}, {@code features}, {@code signals}, the
   * trading tables {@code orders}, {@code order_events}, {@code positions}, {@code
   * equity_snapshots}, {@code risk_limits}, {@code kill_switch}, {@code audit_log}, view {@code
   * trades_1m}) and, when the server has TimescaleDB, makes the time-series tables hypertables with
   * the policies of {@code options}. Idempotent: a second call changes nothing. Logs one line
   * naming the storage mode.
   *
   * @return the dialect in use
   * @throws FlywayException when the database is unreachable or a migration fails
   */
  public static Dialect migrate(DataSource dataSource, StorageOptions options) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Own history table: other modules may keep their own migrations in the same database.
        .table("sink_schema_history")
        .load()
        .migrate();
    try {
      return DialectSetup.apply(dataSource, options);
    } catch (SQLException e) {
      throw new FlywayException("TimescaleDB set-up of the sink's tables failed: " + e, e);
    }
  }
}
