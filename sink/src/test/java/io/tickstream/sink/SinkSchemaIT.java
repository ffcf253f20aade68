package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickstream.infra.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Flyway migrations on real PostgreSQL 17, and on TimescaleDB when a URL is given. */
class SinkSchemaIT {
  /** JDBC URL (with user and password as parameters) of a TimescaleDB to test against. */
  static final String TIMESCALE_URL_ENV = "TICKSTREAM_TIMESCALE_URL";

  @TempDir static Path dir;
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void up() {
    postgres = EmbeddedPostgres.start(0, dir.resolve("pg"));
  }

  @AfterAll
  static void down() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void migratingTwiceIsANoOpAndPlainModeSaysHowToEnableTimescale() throws SQLException {
    DataSource db = postgres.dataSource();
    try (CapturedLog log = CapturedLog.of(HypertableCallback.class)) {
      assertThat(SinkSchema.migrate(db)).isEqualTo(Dialect.POSTGRESQL);
      assertThat(log.lines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("INFO sink storage mode: plain PostgreSQL")
                      .contains("'timescaledb' is not installed")
                      .contains("shared_preload_libraries"));
    }
    List<String> history = column(db, "SELECT version || ':' || success FROM sink_schema_history");
    List<String> bars = columns(db, "bars");

    SinkService.migrate(db);

    assertThat(column(db, "SELECT version || ':' || success FROM sink_schema_history"))
        .isEqualTo(history)
        .containsExactly("1:true");
    assertThat(columns(db, "bars")).isEqualTo(bars);
    assertThat(bars)
        .containsExactly(
            "instrument_id text",
            "spec text",
            "start_ts timestamp with time zone",
            "end_ts timestamp with time zone",
            "open numeric",
            "high numeric",
            "low numeric",
            "close numeric",
            "volume numeric",
            "trade_count bigint",
            "vwap numeric",
            "revision integer",
            "ts_init timestamp with time zone");
    assertThat(columns(db, "instruments")).hasSize(10);
    assertThat(columns(db, "dead_letters")).hasSize(9);
    assertThat(
            column(
                db,
                "SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i"
                    + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
                    + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                    + " WHERE i.indrelid = 'bars'::regclass AND i.indisprimary"))
        .containsExactly("instrument_id,spec,start_ts");
  }

  @Test
  void onTimescaleDbBarsIsAHypertable() throws SQLException {
    String url = System.getenv(TIMESCALE_URL_ENV);
    assumeTrue(url != null && !url.isBlank(), TIMESCALE_URL_ENV + " not set: no TimescaleDB");
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(url);
    assertThat(SinkSchema.migrate(db)).isEqualTo(Dialect.TIMESCALEDB);
    assertThat(SinkSchema.migrate(db)).isEqualTo(Dialect.TIMESCALEDB);
    assertThat(
            column(
                db,
                "SELECT hypertable_name FROM timescaledb_information.hypertables"
                    + " WHERE hypertable_name = 'bars'"))
        .containsExactly("bars");
  }

  private static List<String> columns(DataSource db, String table) throws SQLException {
    return column(
        db,
        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
            + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
        table);
  }

  private static List<String> column(DataSource db, String sql, String... params)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
