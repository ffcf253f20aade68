package io.tickstream.sink;

import static io.tickstream.sink.SinkSchemaIT.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On TimescaleDB (when {@code TICKSTREAM_TIMESCALE_URL} is set): hypertables with their chunk
 * intervals, compression and retention policies that really compress and drop chunks, idempotent
 * writes into compressed chunks, and the continuous aggregate {@code trades_1m}.
 */
class TimescaleLayoutIT {
  private static final long DAY = 86_400L * TestTicks.SECOND;

  @TempDir static Path dir;
  static TestDatabase database;

  @BeforeAll
  static void up() {
    assumeTrue(TestDatabase.timescale(), TestDatabase.TIMESCALE_URL_ENV + " not set");
    database = TestDatabase.start(dir.resolve("pg"));
  }

  @AfterAll
  static void down() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void hypertablesPoliciesAndTheContinuousAggregate() throws Exception {
    DataSource db = database.dataSource();
    assertThat(SinkSchema.migrate(db)).isEqualTo(Dialect.TIMESCALEDB);
    String jobs = "SELECT job_id::text FROM timescaledb_information.jobs ORDER BY 1";
    List<String> policies = column(db, jobs);
    assertThat(SinkSchema.migrate(db)).isEqualTo(Dialect.TIMESCALEDB);
    // Unchanged policies are kept, not replaced (a replaced policy runs at once on every start).
    assertThat(column(db, jobs)).isEqualTo(policies);

    assertThat(
            column(
                db,
                "SELECT hypertable_name || ':' || column_name || ':' || time_interval"
                    + " FROM timescaledb_information.dimensions"
                    + " WHERE hypertable_name IN ('trades', 'quotes', 'bars') ORDER BY 1"))
        .containsExactly("bars:start_ts:7 days", "quotes:ts_event:1 day", "trades:ts_event:1 day");
    assertThat(
            column(
                db,
                "SELECT hypertable_name FROM timescaledb_information.hypertables"
                    + " WHERE compression_enabled ORDER BY 1"))
        .containsExactly("bars", "quotes", "trades");
    assertThat(
            column(
                db,
                "SELECT hypertable_name || ':' || proc_name || ':' || coalesce(config->>"
                    + "'compress_after', config->>'drop_after') FROM timescaledb_information.jobs"
                    + " WHERE proc_name IN ('policy_compression', 'policy_retention') ORDER BY 1"))
        .containsExactly(
            "bars:policy_compression:30 days",
            "quotes:policy_compression:2 days",
            "quotes:policy_retention:30 days",
            "trades:policy_compression:7 days",
            "trades:policy_retention:90 days");
    assertThat(
            column(
                db,
                "SELECT view_name || ':' || materialized_only"
                    + " FROM timescaledb_information.continuous_aggregates"))
        .containsExactly("trades_1m:false");
    assertThat(
            column(
                db,
                "SELECT hypertable_name FROM timescaledb_information.jobs"
                    + " WHERE proc_name = 'policy_refresh_continuous_aggregate'"))
        .hasSize(1);

    // The scheduler starts every policy the moment it is added, and its runs race the ones below:
    // a background retention run can drop the 100-day chunk before it is compressed, and a
    // background compression run holds the chunk lock a run_job here then fails on ("Failed to
    // convert '1' chunks"). The policies of trades are paused, so only this test runs them.
    pauseScheduling(db, "trades");

    // Trades 10 and 100 days old, written through the sink's own path.
    long now = TestTicks.T0;
    List<TradeTick> old = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      old.add(withTime(TestTicks.trade("TS-old", n, "10"), now - 10 * DAY + n * TestTicks.SECOND));
      old.add(withTime(TestTicks.trade("TS-ancient", n, "9"), now - 100 * DAY + n * 1000));
    }
    assertThat(write(db, old)).isEqualTo(8);
    runJob(db, "trades", "policy_compression");
    assertThat(
            column(
                db,
                "SELECT count(*) FROM timescaledb_information.chunks"
                    + " WHERE hypertable_name = 'trades' AND is_compressed"))
        .containsExactly("2");
    // Redelivered into compressed chunks: nothing changes; a new trade there is still stored.
    assertThat(write(db, old)).isZero();
    assertThat(write(db, List.of(withTime(TestTicks.trade("TS-old", 9, "11"), now - 10 * DAY))))
        .isEqualTo(1);
    assertThat(TestTicks.tradeRows(db, "TS-old")).hasSize(5);

    runJob(db, "trades", "policy_retention");
    assertThat(TestTicks.tradeRows(db, "TS-ancient")).isEmpty();
    assertThat(TestTicks.tradeRows(db, "TS-old")).hasSize(5);

    List<TradeTick> recent = TestTicks.trades("TS-agg", 2, 30);
    write(db, recent);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("CALL refresh_continuous_aggregate('trades_1m', NULL, NULL)")) {
      ps.execute();
    }
    assertThat(TestTicks.minuteRows(db, "TS-agg"))
        .isNotEmpty()
        .isEqualTo(TestTicks.expectedMinutes(recent));
  }

  private static TradeTick withTime(TradeTick t, long tsEvent) {
    return TradeTick.newBuilder(t).setTsEvent(tsEvent).setTsInit(tsEvent + 1_000).build();
  }

  private static int write(DataSource db, List<TradeTick> trades) throws SQLException {
    List<Decoded<TradeTick>> rows = new ArrayList<>();
    long offset = 0;
    for (TradeTick t : trades) {
      rows.add(
          new Decoded<>(
              t,
              new ConsumerRecord<byte[], byte[]>(
                  Topics.TRADES.name(), 0, offset++, new byte[0], new byte[0])));
    }
    List<Rejection> rejected = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      int written =
          new StagedUpsert<>(new TradeWriter(), new SinkMetrics(new SimpleMeterRegistry()))
              .write(c, rows, rejected);
      c.commit();
      assertThat(rejected).isEmpty();
      return written;
    }
  }

  /**
   * Stops the scheduler from starting the compression and retention policies of {@code table}, and
   * waits until no run it started before is still going.
   */
  private static void pauseScheduling(DataSource db, String table) throws SQLException {
    for (String id :
        column(
            db,
            "SELECT job_id::text FROM timescaledb_information.jobs WHERE hypertable_name = ?"
                + " AND proc_name IN ('policy_compression', 'policy_retention')",
            table)) {
      try (Connection c = db.getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT alter_job(?, scheduled => false)")) {
        ps.setInt(1, Integer.parseInt(id));
        ps.execute();
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                column(
                        db,
                        "SELECT count(*) FROM timescaledb_information.job_stats"
                            + " WHERE hypertable_name = ? AND job_status = 'Running'",
                        table)
                    .equals(List.of("0")));
  }

  private static void runJob(DataSource db, String table, String proc) throws SQLException {
    String id =
        column(
                db,
                "SELECT job_id::text FROM timescaledb_information.jobs"
                    + " WHERE hypertable_name = ? AND proc_name = ?",
                table,
                proc)
            .get(0);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("CALL run_job(?)")) {
      ps.setInt(1, Integer.parseInt(id));
      ps.execute();
    }
  }
}
