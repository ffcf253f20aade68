package io.tickstream.sink;

import static io.tickstream.sink.SinkSchemaIT.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift check between the sink's migrations and the tables the query API was designed and tested
 * against ({@code api/src/test/resources/db/trading-tables.sql} and {@code sink-tables.sql}): both
 * files are applied into a scratch schema, and every table, column, column type, primary key and
 * index there must exist in the sink's migrated schema. The sink may add columns; the NOT NULL
 * columns it relaxes are listed (and explained in the V4 migration).
 */
class TradingSchemaDriftIT {
  private static final Path API_DDL = Path.of("../api/src/test/resources/db");
  private static final String SCRATCH = "api_design";

  /** Columns the API declares NOT NULL that the sink stores NULL in (see V4's comment). */
  private static final List<String> RELAXED_NOT_NULL =
      List.of(
          "equity_snapshots.gross_exposure",
          "orders.order_type",
          "orders.quantity",
          "orders.side",
          "orders.time_in_force");

  @TempDir static Path dir;
  static TestDatabase database;

  @BeforeAll
  static void up() {
    database = TestDatabase.start(dir.resolve("pg"));
  }

  @AfterAll
  static void down() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theSinkSchemaHasEveryTableColumnTypeKeyAndIndexTheApiExpects() throws Exception {
    DataSource db = database.dataSource();
    SinkSchema.migrate(db);
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + SCRATCH);
      st.execute("SET search_path TO " + SCRATCH);
      st.execute(read("sink-tables.sql"));
      st.execute(read("trading-tables.sql"));
    }
    Map<String, String> api = columns(db, SCRATCH);
    Map<String, String> sink = columns(db, "public");
    assertThat(api).hasSizeGreaterThan(90).containsKeys("orders.status", "audit_log.details");

    for (Map.Entry<String, String> e : api.entrySet()) {
      String name = e.getKey();
      assertThat(sink).as("column %s", name).containsKey(name);
      String[] want = e.getValue().split(" ", 2);
      String[] have = sink.get(name).split(" ", 2);
      assertThat(have[0]).as("type of %s", name).isEqualTo(want[0]);
      if (!RELAXED_NOT_NULL.contains(name)) {
        assertThat(have[1]).as("nullability of %s", name).isEqualTo(want[1]);
      } else {
        assertThat(have[1]).as("nullability of %s", name).isEqualTo("null");
      }
    }
    assertThat(indexes(db, "public")).containsAll(indexes(db, SCRATCH));
  }

  private static String read(String file) throws IOException {
    return Files.readString(API_DDL.resolve(file));
  }

  /** {@code table.column} to {@code type not-null|null}, for the tables of {@code schema}. */
  private static Map<String, String> columns(DataSource db, String schema) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (String row :
        column(
            db,
            "SELECT c.relname || '.' || a.attname || '|'"
                + " || replace(format_type(a.atttypid, a.atttypmod), ' ', '_')"
                + " || CASE WHEN a.attnotnull THEN ' not-null' ELSE ' null' END"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0"
                + " AND NOT a.attisdropped AND c.relname NOT LIKE '%schema_history'",
            schema)) {
      String[] parts = row.split("\\|", 2);
      out.put(parts[0], parts[1]);
    }
    return out;
  }

  /** Every index (primary keys included) as its definition without the schema name. */
  private static List<String> indexes(DataSource db, String schema) throws SQLException {
    return column(
            db, "SELECT indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY indexname", schema)
        .stream()
        .map(def -> def.replace(" " + schema + ".", " "))
        .toList();
  }
}
