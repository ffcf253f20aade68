package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Flyway migrations on real PostgreSQL 17 (TimescaleDB: {@link TimescaleLayoutIT}). */
class SinkSchemaIT {
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
    try (CapturedLog log = CapturedLog.of(DialectSetup.class)) {
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
        .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
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
    assertThat(columns(db, "dead_letters")).hasSize(11);
    assertThat(columns(db, "trades")).hasSize(7);
    assertThat(columns(db, "quotes")).hasSize(8);
    assertThat(columns(db, "latest_prices")).hasSize(6);
    assertThat(primaryKey(db, "trades")).containsExactly("instrument_id,ts_event,trade_id");
    assertThat(primaryKey(db, "quotes")).containsExactly("instrument_id,ts_event,seq");
    assertThat(column(db, "SELECT viewname FROM pg_views WHERE viewname = 'trades_1m'"))
        .containsExactly("trades_1m");
    assertThat(column(db, "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%brin'"))
        .containsExactlyInAnyOrder("trades_ts_brin", "quotes_ts_brin", "bars_start_brin");
    assertThat(primaryKey(db, "bars")).containsExactly("instrument_id,spec,start_ts");
  }

  private static List<String> primaryKey(DataSource db, String table) throws SQLException {
    return column(
        db,
        "SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i"
            + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = ?::regclass AND i.indisprimary",
        table);
  }

  static List<String> columns(DataSource db, String table) throws SQLException {
    return column(
        db,
        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
            + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
        table);
  }

  static List<String> column(DataSource db, String sql, String... params) throws SQLException {
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
