package io.tickstream.api;

import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.sink.SinkSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL with the sink's tables, created by the sink's own Flyway migrations (so the API
 * is tested against the schema it reads in production), and the rows of {@code db/seed.sql} and
 * {@code db/seed-trading.sql}.
 */
final class SeededPostgres implements AutoCloseable {
  private final EmbeddedPostgres pg;
  private boolean closed;

  private SeededPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  static SeededPostgres start(Path dir) throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.start(0, dir);
    try (Connection c = pg.dataSource().getConnection();
        Statement s = c.createStatement()) {
      SinkSchema.migrate(pg.dataSource());
      s.execute(resource("db/seed.sql"));
      s.execute(resource("db/seed-trading.sql"));
    } catch (SQLException | IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return new SeededPostgres(pg);
  }

  /** Defaults, HTTP on a free loopback port, this database; {@code extra} keys override. */
  ApiConfig apiConfig(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>();
    values.put("http.host", "127.0.0.1");
    values.put("http.port", "0");
    values.put("pg.host", "localhost");
    values.put("pg.port", Integer.toString(pg.port()));
    values.put("pg.user", pg.user());
    values.put("pg.pool.size", "4");
    values.putAll(extra);
    return ApiConfig.fromMap(values);
  }

  /** Defaults, HTTP on a free loopback port, this database, no key set (auth off in start). */
  ApiConfig apiConfig() {
    return apiConfig(Map.of());
  }

  /** A JDBC connection for checks and checksums. */
  Connection connect() throws SQLException {
    return pg.dataSource().getConnection();
  }

  /** The database, for JDBC code under test. */
  javax.sql.DataSource dataSource() {
    return pg.dataSource();
  }

  /** The PostgreSQL port. */
  int port() {
    return pg.port();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      pg.close();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SeededPostgres.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
